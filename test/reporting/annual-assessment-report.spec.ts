import { binaryBody } from '../support/binary-body';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import type { CollectionTestApi } from '../collection/support/collection-api';
import { tenantWithUsers } from '../collection/support/fixtures';
import { bearer, borrower, installPack, meta, pay, startKpiApi } from '../kpi/support/kpi-fixtures';
import { RunDueReports } from '../../libs/reporting/src';

/**
 * 篇二/四/七: the annual student-loan assessment (生源地助学贷款年度工作考核) judges each
 * school's default rate against "≤ 5%". The report is built from the same KPI SQL as
 * GET /targets, so its figures are those figures; its cells are neutralised and escaped.
 */
describe('student-loan annual assessment report (篇二) equals the KPI figures', () => {
  let api: CollectionTestApi;
  let tenantId: string;
  let token: string;
  let owner: Client;
  // Debtor names a spreadsheet would run as formulas (OWASP CSV injection).
  const HOSTILE = ['=HYPERLINK("http://evil.example","点我")', '+1', '-1', '@SUM(A1:A9)'];
  const SCRIPT = '<script>alert(1)</script>';

  beforeAll(async () => {
    api = await startKpiApi({ now: '2027-01-02T09:00:00+08:00' });
    const setup = await tenantWithUsers(api, 'school-report', { boss: ['manager'] });
    tenantId = setup.tenantId;
    token = setup.users.boss.token;
    await installPack(api, tenantId, 'student-loan');
    // Two schools of 10 borrowers, 1,000.00 due 2026-06-30 (184 days before 12-31, past
    // the 90-day threshold): 4 unpaid in 县一中, 1 in 县二中.
    for (const [school, unpaid] of [
      ['县一中', HOSTILE],
      ['县二中', [SCRIPT]],
    ] as const) {
      for (let i = 0; i < 10; i += 1) {
        const name = i < unpaid.length ? unpaid[i] : `${school}学生${i}`;
        const { accountId } = await borrower(api, tenantId, {
          name,
          type: 'student-loan',
          principal: '1000.00',
          startDate: '2022-09-01',
          dueOn: '2026-06-30',
          groups: [
            { type: 'school', code: school },
            { type: 'cohort', code: '2022' },
          ],
        });
        if (i >= unpaid.length) await pay(api, tenantId, accountId, '2026-06-30', '1000.00');
      }
    }
    owner = new Client({ connectionString: api.db.ownerUrl });
    await owner.connect();
  }, 240_000);
  afterAll(async () => {
    await owner?.end();
    await api.close();
  });

  const generate = async (reportId: string, format: string) =>
    (
      await api
        .http()
        .post(`/api/v1/reports/${reportId}`)
        .set(bearer(token))
        .send({ asOf: '2026-12-31', format })
        .expect(201)
    ).body;

  const download = (runId: string) =>
    api
      .http()
      .get(`/api/v1/reports/runs/${runId}/download`)
      .set(bearer(token))
      .buffer(true)
      .parse(binaryBody)
      .expect(200);

  const sheetRows = async (content: Buffer, sheetName: string) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(content as never);
    const sheet = workbook.getWorksheet(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  };

  it('default rate per school: 县一中 4/10 = 40.00% missed by 35.00%, 县二中 1/10 = 10.00%, as GET /targets says', async () => {
    const targets = await api
      .http()
      .get('/api/v1/targets?asOf=2026-12-31')
      .set(bearer(token))
      .expect(200);
    const kpi = targets.body.targets.find((t: { id: string }) => t.id === 'default-rate');
    const kpiBySchool = Object.fromEntries(
      kpi.results.map((r: { groupCode: string; display: string }) => [r.groupCode, r.display]),
    );
    expect(kpiBySchool).toMatchObject({ 县一中: '40.00%', 县二中: '10.00%', tenant: '25.00%' });

    const run = await generate('annual-assessment', 'xlsx');
    expect(run).toMatchObject({ reportId: 'annual-assessment', format: 'xlsx', state: 'done' });
    const file = await download(run.id);
    expect(file.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(file.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('生源地助学贷款年度工作考核_2026-12-31.xlsx')}`,
    );
    const rows = await sheetRows(file.body as Buffer, '目标完成情况');
    const header = rows.find((r) => r[0] === '指标');
    expect(header).toEqual(
      expect.arrayContaining(
        ['分组类型', '所属单位/村/学校', '目标', '实际', '差距', '状态'].slice(2),
      ),
    );
    const bySchool = Object.fromEntries(
      rows.filter((r) => r[0] === '学生违约率').map((r) => [r[2], r.slice(3, 9)]),
    );
    expect(bySchool['县一中']).toEqual(['5.00%', '40.00%', '35.00%', '未达标', 4, 10]);
    expect(bySchool['县二中']).toEqual(['5.00%', '10.00%', '5.00%', '未达标', 1, 10]);
    expect(bySchool['2022']).toEqual(['5.00%', '25.00%', '20.00%', '未达标', 5, 20]);
    for (const school of ['县一中', '县二中']) {
      expect(bySchool[school][1]).toBe(kpiBySchool[school]);
    }
  });

  it('an XLSX list read back has the formula-like debtor names as text starting with an apostrophe', async () => {
    const run = await generate('defaulters', 'xlsx');
    const file = await download(run.id);
    const rows = await sheetRows(file.body as Buffer, '违约学生名单');
    const names = rows.map((r) => r[0]);
    for (const hostile of HOSTILE) expect(names).toContain(`'${hostile}`);
    expect(names).toContain(SCRIPT);
    expect(names.filter((n) => typeof n === 'string' && /^[=+\-@]/.test(n))).toEqual([]);
    // No cell became a formula.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as never);
    let formulas = 0;
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula) formulas += 1;
        }),
      ),
    );
    expect(formulas).toBe(0);
  });

  it('the HTML report escapes <script>', async () => {
    const run = await generate('defaulters', 'html');
    const file = await download(run.id);
    expect(file.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = (file.body as Buffer).toString('utf8');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#x27;&#x3D;HYPERLINK(');
  });

  it('the due-report command run twice generates the 2026 annual assessment once (XLSX + HTML)', async () => {
    const first = await api.commands.execute(new RunDueReports(meta(tenantId), '2027-01-02'));
    expect(first.failed).toEqual([]);
    expect(first.generated).toEqual(
      expect.arrayContaining([
        { reportId: 'annual-assessment', period: 'year:2026', format: 'xlsx' },
        { reportId: 'annual-assessment', period: 'year:2026', format: 'html' },
      ]),
    );
    const second = await api.commands.execute(new RunDueReports(meta(tenantId), '2027-01-02'));
    expect(second.generated).toEqual([]);
    expect(second.upToDate).toBe(
      first.upToDate + new Set(first.generated.map((g: { reportId: string }) => g.reportId)).size,
    );
    const { rows } = await owner.query(
      `select format, as_of::text from report_runs
       where tenant_id = $1 and report_id = 'annual-assessment' and period = 'year:2026'
       order by format`,
      [tenantId],
    );
    expect(rows).toEqual([
      { format: 'html', as_of: '2026-12-31' },
      { format: 'xlsx', as_of: '2026-12-31' },
    ]);
    const listed = await api.http().get('/api/v1/reports').set(bearer(token)).expect(200);
    expect(listed.body.reports.map((r: { id: string }) => r.id)).toEqual([
      'annual-assessment',
      'defaulters',
      'collection-progress',
    ]);
  });
});
