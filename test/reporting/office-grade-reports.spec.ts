import ExcelJS from 'exceljs';
import { LogContact } from '../../libs/collection/src';
import type { Role } from '../../libs/core/src';
import { RegisterAccount, RegisterDebtor } from '../../libs/ledger/src';
import type { CollectionTestApi } from '../collection/support/collection-api';
import { assign, residentId, tenantWithUsers, type Member } from '../collection/support/fixtures';
import {
  bearer,
  borrower,
  installPack,
  meta,
  openCase,
  startKpiApi,
} from '../kpi/support/kpi-fixtures';
import { binaryBody } from '../support/binary-body';

/**
 * Issue 13 §3, office-grade reports, on small books in one app: the agency's Friday weekly
 * report to the bank (篇八) with a collector column, 催收措施 counted from the contact log,
 * 账龄, a 合计 equal to the rows, card numbers masked for the clerk and whole for the
 * manager, the week's period in the list and the file; the monthly per-collector table;
 * the XLSX read back (number formats, frozen header, widths) and a printed PDF; and each
 * seed's named report generated with every column filled.
 */
const FRIDAY = '2026-12-04';
const CARDS = ['6222021234561234', '6222029876545678'];

describe('office-grade reports (issue 13 §3)', () => {
  let api: CollectionTestApi;

  beforeAll(async () => {
    api = await startKpiApi({ now: `${FRIDAY}T18:00:00+08:00` });
  }, 240_000);
  afterAll(async () => {
    await api?.close();
  });

  const generate = async (token: string, reportId: string, format: string, asOf = FRIDAY) =>
    (
      await api
        .http()
        .post(`/api/v1/reports/${reportId}`)
        .set(bearer(token))
        .send({ asOf, format })
        .expect(201)
    ).body as { id: string; state: string; periodStart: string; periodEnd: string };

  const download = async (token: string, runId: string, status = 200) =>
    (
      await api
        .http()
        .get(`/api/v1/reports/runs/${runId}/download`)
        .set(bearer(token))
        .buffer(true)
        .parse(binaryBody)
        .expect(status)
    ).body as Buffer;

  const workbook = async (content: Buffer) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(content as never);
    return book;
  };

  /** The table of a sheet: its header row number, headers and rows up to (and with) 合计. */
  const table = (sheet: ExcelJS.Worksheet, firstHeader: string) => {
    const values: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, n) => {
      values[n] = (row.values as unknown[]).slice(1);
    });
    const headerAt = values.findIndex((r) => r?.[0] === firstHeader);
    if (headerAt < 0) throw new Error(`no header ${firstHeader}`);
    const rows: unknown[][] = [];
    let total: unknown[] | undefined;
    for (let n = headerAt + 1; n < values.length && values[n]?.length && !total; n += 1) {
      if (values[n].includes('合计')) total = values[n];
      else rows.push(values[n]);
    }
    return { headerAt, headers: values[headerAt], rows, total };
  };

  describe('篇八: the card agency’s weekly and monthly reports to the bank', () => {
    let tenantId: string;
    let users: Record<'boss' | 'clerk' | 'wang' | 'li', Member>;

    const card = async (name: string, ref: string, amount: string, collector: Member) => {
      const debtor = await api.commands.execute(
        new RegisterDebtor(meta(tenantId), { kind: 'person', name, idNumber: residentId() }),
      );
      await api.commands.execute(
        new RegisterAccount(meta(tenantId), {
          debtorId: debtor.id,
          type: 'card-account',
          source: 'test',
          externalRef: ref,
          principal: amount,
          annualRate: '0',
          startDate: '2026-01-01',
          schedule: {
            method: 'given',
            installments: [{ dueDate: '2026-09-30', principal: amount, interest: '0.00' }],
          },
        }),
      );
      const caseId = await openCase(api, tenantId, users.boss.id, debtor.id);
      await assign(api, users.boss, caseId, collector);
      return caseId;
    };

    const contact = async (caseId: string, by: Member, channel: 'call' | 'visit', at: string) => {
      // Logged an hour after it was made (the pack's back-dating limit), with its recording.
      api.clock.set(new Date(new Date(at).getTime() + 3_600_000));
      try {
        await api.commands.execute(
          new LogContact(meta(tenantId, by.id, ['phone-collector'] as Role[]), {
            caseId,
            channel,
            party: 'debtor',
            outcomeCode: 'reached',
            notes: '已联系，承诺筹款',
            attemptedAt: at,
            file: {
              data: Buffer.from('RIFF....WAVEfmt '),
              originalName: 'call.wav',
              contentType: 'audio/wav',
            },
          }),
        );
      } finally {
        api.clock.set(new Date(`${FRIDAY}T18:00:00+08:00`));
      }
    };

    beforeAll(async () => {
      const setup = await tenantWithUsers(api, 'agency-reports', {
        boss: ['manager'],
        clerk: ['clerk'],
        wang: ['phone-collector'] as Role[],
        li: ['phone-collector'] as Role[],
      });
      tenantId = setup.tenantId;
      users = setup.users;
      await installPack(api, tenantId, 'card-collection-agency');
      const first = await card('持卡人甲', CARDS[0], '12345.60', users.wang);
      await card('持卡人乙', CARDS[1], '8000.15', users.li);
      await contact(first, users.wang, 'call', '2026-12-01T10:00:00+08:00');
      await contact(first, users.wang, 'call', '2026-12-02T10:00:00+08:00');
      await contact(first, users.wang, 'visit', '2026-12-03T15:00:00+08:00');
    }, 240_000);

    it('the clerk’s weekly report: the week 11-30 ~ 12-04 in the list and the file, cards masked, 催收措施 counted, 合计 = the rows', async () => {
      const run = await generate(users.clerk.token, 'weekly-progress', 'xlsx');
      expect(run).toMatchObject({ state: 'done', periodStart: '2026-11-30', periodEnd: FRIDAY });
      const list = await api
        .http()
        .get('/api/v1/reports')
        .set(bearer(users.clerk.token))
        .expect(200);
      const listed = list.body.runs.find((r: { id: string }) => r.id === run.id);
      expect([listed.periodStart, listed.periodEnd]).toEqual(['2026-11-30', FRIDAY]);

      const book = await workbook(await download(users.clerk.token, run.id));
      const sheet = book.getWorksheet('催收案件周进度报告')!;
      const meta = new Map<unknown, unknown>();
      sheet.eachRow((row) => meta.set(row.getCell(1).value, row.getCell(2).value));
      expect(meta.get('报告期间')).toBe(`2026-11-30 ~ ${FRIDAY}`);
      expect(meta.get('生成时间')).toBe(`${FRIDAY} 18:00`);

      const { headerAt, headers, rows, total } = table(sheet, '催收人员');
      expect(headers).toEqual([
        '催收人员',
        '合同/账号',
        '客户名称',
        '逾期金额',
        '账龄',
        '催收措施',
        '联系次数',
        '外访次数',
        '承诺还款',
        '本期还款',
      ]);
      const byCard = Object.fromEntries(rows.map((r) => [r[1], r]));
      expect(Object.keys(byCard).sort()).toEqual(['6222 **** **** 1234', '6222 **** **** 5678']);
      const wang = byCard['6222 **** **** 1234'];
      expect(wang[0]).toBe('wang');
      expect(wang[3]).toBe(12345.6);
      expect(wang[4]).toEqual(expect.any(String));
      expect(wang[5]).toBe('电话2次、上门1次');
      expect(wang.slice(6, 8)).toEqual([3, 1]);
      for (const r of rows) expect(r[4]).toBeTruthy();
      // 李's case had no contact this week: said so, not left blank.
      expect(byCard['6222 **** **** 5678'][5]).toBe('本期未催收');
      // 合计: the sum of the rows, to the fen.
      expect(total?.[0]).toBe('合计');
      expect(total?.[3]).toBe(20345.75);
      expect(total?.[6]).toBe(rows.reduce((s, r) => s + Number(r[6] ?? 0), 0));

      // Read back as Excel keeps it: numeric cells, #,##0.00, the header frozen, widths set.
      const amount = sheet.getRow(headerAt + 1).getCell(4);
      expect(amount.type).toBe(ExcelJS.ValueType.Number);
      expect(amount.numFmt).toBe('#,##0.00');
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: headerAt });
      for (let c = 1; c <= headers.length; c += 1) {
        expect(sheet.getColumn(c).width).toBeGreaterThanOrEqual(10);
      }
      let text = '';
      sheet.eachRow((row) => (text += JSON.stringify(row.values)));
      expect(text).not.toContain('no data source yet');
      expect(text).not.toContain(CARDS[0]);
    });

    it('the manager reads the cards whole; the clerk may not download the manager’s file', async () => {
      const run = await generate(users.boss.token, 'weekly-progress', 'xlsx');
      const book = await workbook(await download(users.boss.token, run.id));
      const { rows } = table(book.getWorksheet('催收案件周进度报告')!, '催收人员');
      expect(rows.map((r) => r[1]).sort()).toEqual([...CARDS].sort());
      await download(users.clerk.token, run.id, 403);
      // The list says so, and the reports page offers the clerk no download of it.
      const list = await api
        .http()
        .get('/api/v1/reports')
        .set(bearer(users.clerk.token))
        .expect(200);
      expect(list.body.runs.find((r: { id: string }) => r.id === run.id).revealed).toBe(true);
    });

    it('the monthly report has a row per collector with 回收金额 and the rates, and a 合计', async () => {
      const run = await generate(users.boss.token, 'monthly', 'xlsx');
      const book = await workbook(await download(users.boss.token, run.id));
      const { headers, rows, total } = table(
        book.getWorksheet('指标统计（按催收人员）')!,
        '催收人员',
      );
      expect(headers).not.toContain('分子');
      expect(headers.length).toBe(5);
      expect(rows.map((r) => r[0]).sort()).toEqual(['li', 'wang']);
      for (const r of rows) for (const cell of r) expect(cell ?? '').not.toBe('');
      expect(total?.[0]).toBe('合计');
      expect(total?.[1]).toBe(rows.reduce((s, r) => s + Number(r[1]), 0));
    });

    it('the HTML reads 12,345.60 and the PDF prints (A4, page numbers by the page rules)', async () => {
      const html = (
        await download(
          users.boss.token,
          (await generate(users.boss.token, 'weekly-progress', 'html')).id,
        )
      ).toString('utf8');
      expect(html).toContain('12,345.60');
      expect(html).toContain('20,345.75');
      expect(html).toContain('电话2次、上门1次');
      const pdf = await download(
        users.clerk.token,
        (await generate(users.clerk.token, 'weekly-progress', 'pdf')).id,
      );
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    });
  });

  describe('each seed’s named report is generated, every column filled', () => {
    const PARAMS: Record<string, Record<string, unknown>> = {
      'credit-coop-npl-drive': { launchDate: '2026-11-02', amnestyDate: '2026-12-31' },
    };
    const NAMED: [string, string, string[]][] = [
      // pack, tenant slug, reports
      ['leasing-dealer-arrears', 'leasing-reports', ['weekly-collector']],
      ['housing-fund', 'hf-reports', ['annual-assessment', 'monthly-kpis']],
      ['student-loan', 'school-reports', ['annual-assessment']],
      [
        'credit-coop-npl-drive',
        'coop-reports',
        ['official-sanctions', 'drive-progress', 'npl-statistics'],
      ],
    ];

    it.each(NAMED)('%s: %j', async (pack, slug, reports) => {
      const { tenantId, users } = await tenantWithUsers(api, slug, {
        boss: ['manager'],
        clerk: ['clerk'],
      });
      await installPack(api, tenantId, pack, PARAMS[pack]);
      const type = {
        'leasing-dealer-arrears': 'receivable',
        'housing-fund': 'housing-fund-loan',
        'student-loan': 'student-loan',
        'credit-coop-npl-drive': 'loan',
      }[pack] as never;
      for (const [i, amount] of ['1000.00', '2500.50'].entries()) {
        const { debtorId } = await borrower(api, tenantId, {
          name: `客户${i}`,
          type,
          principal: amount,
          startDate: '2025-01-01',
          dueOn: '2026-06-30',
        });
        await openCase(api, tenantId, users.boss.id, debtorId);
      }
      for (const reportId of reports) {
        // Every sheet: the header frozen under the meta lines, 合计 = the sum of the rows.
        const book = await workbook(
          await download(
            users.clerk.token,
            (await generate(users.clerk.token, reportId, 'xlsx')).id,
          ),
        );
        book.eachSheet((sheet) => {
          const [view] = sheet.views as { state?: string; ySplit?: number }[];
          expect(view).toMatchObject({ state: 'frozen' });
          const firstHeader = sheet.getRow(view.ySplit!).getCell(1).value as string;
          const { rows, total } = table(sheet, firstHeader);
          total?.forEach((cell, i) => {
            if (typeof cell !== 'number') return;
            const fen = rows.reduce((sum, r) => sum + Math.round(Number(r[i] ?? 0) * 100), 0);
            expect(cell).toBe(fen / 100);
          });
        });
        const run = await generate(users.clerk.token, reportId, 'html');
        expect(run.state).toBe('done');
        const html = (await download(users.clerk.token, run.id)).toString('utf8');
        expect(html).not.toContain('no data source yet');
        expect(html).toContain(`${FRIDAY} 18:00`);
        // A metric listed twice says which each column is.
        if (reportId === 'monthly-kpis') expect(html).toContain('<th>欠缴率（按户数）</th>');
      }
    });
  });
});
