import { binaryBody } from '../support/binary-body';
import { writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { createUser, login } from '../support/test-app';
import { ImportKit, startImportKit } from './support/import-kit';

// Rows 2 and 6 are valid. Row 3: ID check digit wrong (…4658 should end 465X). Row 4: an
// amount that is a formula and a date that does not exist. Row 5: no borrower name.
const CSV = [
  '合同编号,借款人,身份证号,手机号码,贷款金额,年利率,放款日期,贷款期限(月),还款方式',
  'HT-OK-1,孙桂英,11010519670523465X,18908695986,10000.00,4.35%,2025-01-10,12,等额本息',
  'HT-BAD-ID,林静,110105196705234658,17926109020,20000.00,4.35%,2025-01-10,12,等额本息',
  'HT-BAD-AMT,马刚,11010519690920097X,18558722150,=1+1,4.35%,2025-02-30,12,等额本息',
  'HT-NO-NAME,,51010719761120921X,17607691521,5000.00,4.35%,2025-01-10,12,等额本息',
  'HT-OK-2,陈伟,110105197112189261,13205187475,8000.00,5.00%,2025-03-01,6,等额本金',
].join('\r\n');

describe('bad rows are reported by row and column; the valid rows commit, the invalid ones do not', () => {
  let kit: ImportKit;
  let token: string;
  const file = resolve(tmpdir(), `qs-bad-rows-${process.pid}.csv`);
  beforeAll(async () => {
    kit = await startImportKit('bad-rows');
    await createUser(kit.api, kit.tenantId, 'clerk1', ['clerk']);
    token = await login(kit.api, 'bad-rows', 'clerk1');
    await writeFile(file, CSV);
  });
  afterAll(async () => {
    await rm(file, { force: true });
    await kit.close();
  });

  it('commits HT-OK-1 and HT-OK-2 only, and the report names 身份证号 on row 3, 贷款金额 and 放款日期 on row 4, 借款人 on row 5', async () => {
    const view = await kit.importFile(file, 'accounts');

    expect(view).toMatchObject({
      status: 'partially-succeeded',
      rowsTotal: 5,
      rowsOk: 2,
      rowsFailed: 3,
    });
    const { rows: refs } = await kit.owner.query(
      `select external_ref from accounts where tenant_id = $1 order by 1`,
      [kit.tenantId],
    );
    expect(refs.map((r) => r.external_ref)).toEqual(['HT-OK-1', 'HT-OK-2']);
    expect(await kit.count('debtors')).toBe(2);

    const report = await kit.api
      .http()
      .get(`/api/v1/imports/${view.id}/errors.csv`)
      .set('Authorization', `Bearer ${token}`)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(report.headers['content-type']).toBe('text/csv; charset=utf-8');
    const body = report.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = body.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('行号,列,值,原因');
    const cells = lines.slice(1).map((line) => line.split(',').slice(0, 3));
    expect(cells).toEqual([
      ['3', '身份证号', '110105196705234658'],
      // The formula is shown as text: a leading quote stops Excel from running it.
      ['4', '贷款金额', "'=1+1"],
      ['4', '放款日期', '2025-02-30'],
      ['5', '借款人', ''],
    ]);
    expect(lines[1]).toContain('校验码应为X');
    expect(view.errorReportKey).toBe(`imports/${kit.tenantId}/${view.id}.errors.csv`);
  });
});
