import type { CollectionTestApi } from '../collection/support/collection-api';
import { assign, type Member, ownerQuery, tenantWithUsers } from '../collection/support/fixtures';
import { installPack, meta, startKpiApi } from '../kpi/support/kpi-fixtures';
import { RunDueReports } from '../../libs/reporting/src';
import { ReconciliationKit } from './bank-reconciliation-kit';

/**
 * 篇八 13: "辅助行政人员应当每月……按照和银行合作协议约定的时间和银行对账，并对各个催收人员的催收业绩
 * 进行详细记录报财务部门备案". Five cards; the agency records three repayments through the API
 * (500.00 on 03-10, 300.00 on 03-12, 200.00 on 03-20); the bank's March file has the 500.00
 * on 03-11 (within ±3 days: the same repayment), the 300.00 as 310.00, no 200.00, and a
 * 150.00 the agency never heard of. Difference = ours − the bank's.
 */
const CARDS = [
  { card: '6225880000000001', name: '持卡人甲', owed: '5000.00' },
  { card: '6225880000000002', name: '持卡人乙', owed: '3000.00' },
  { card: '6225880000000003', name: '<script>丙</script>', owed: '2000.00' },
  { card: '6225880000000004', name: '=1+2丁', owed: '1500.00' },
  { card: '6225880000000005', name: '持卡人戊', owed: '800.00' },
];
const BANK_FILE = [
  ['卡号', '还款日期', '还款金额', '银行流水号'],
  [CARDS[0].card, '2026-03-11', '500.00', 'LS0311001'],
  [CARDS[1].card, '2026-03-12', '310.00', 'LS0312002'],
  [CARDS[3].card, '2026-03-15', '150.00', 'LS0315003'],
];
// What each card owes on 03-31: its 委案金额 less each repayment once.
const OWED_AFTER = ['4500.00', '2700.00', '1800.00', '1350.00', '800.00'];

describe('card agency reconciles with the bank monthly (篇八 13): matched, mismatched, agency-only, bank-only', () => {
  let api: CollectionTestApi;
  let kit: ReconciliationKit;
  let tenantId: string;
  let users: Record<'sup' | 'wang' | 'clerk' | 'finance', Member>;
  const accounts: string[] = [];
  let bankFile: string;

  const counts = async () => ({
    payments: Number(
      (
        await ownerQuery(api, `select count(*) as n from payments where tenant_id = $1`, [tenantId])
      )[0].n,
    ),
    receipts: Number(
      (
        await ownerQuery(api, `select count(*) as n from client_receipts where tenant_id = $1`, [
          tenantId,
        ])
      )[0].n,
    ),
  });
  const owed = async () => Promise.all(accounts.map((id) => kit.totalDue(id, '2026-03-31')));

  beforeAll(async () => {
    api = await startKpiApi({ now: '2026-03-02T09:00:00+08:00' });
    ({ tenantId, users } = await tenantWithUsers(api, 'card-reconcile', {
      sup: ['manager'],
      wang: ['phone-collector'],
      clerk: ['clerk'],
      finance: ['finance'],
    }));
    await installPack(api, tenantId, 'card-collection-agency');
    kit = await ReconciliationKit.open(api, tenantId);
    const batch = await kit.cardBatch(CARDS);
    expect(batch.counts).toMatchObject({ accountsCreated: 5, casesOpened: 5 });
    for (const { card } of CARDS) {
      const [row] = await ownerQuery<{ account_id: string; case_id: string }>(
        api,
        `select a.id as account_id, c.id as case_id from accounts a
         join cases c on c.tenant_id = a.tenant_id and c.account_id = a.id
         where a.tenant_id = $1 and a.external_ref = $2`,
        [tenantId, card],
      );
      accounts.push(row.account_id);
      await assign(api, users.sup, row.case_id, users.wang);
    }
    api.clock.set('2026-04-02T10:00:00+08:00');
    for (const [i, paidOn, amount] of [
      [0, '2026-03-10', '500.00'],
      [1, '2026-03-12', '300.00'],
      [2, '2026-03-20', '200.00'],
    ] as const) {
      await api
        .http()
        .post(`/api/v1/accounts/${accounts[i]}/payments`)
        .set('Authorization', `Bearer ${users.clerk.token}`)
        .send({ externalRef: `AG-${paidOn}`, paidOn, amount })
        .expect(201);
    }
    bankFile = await kit.gbkCsv('bank-2026-03.csv', BANK_FILE);
  }, 120_000);
  afterAll(async () => {
    await kit?.close();
    await api?.close();
  });

  it('the agency’s repayments are tagged source "api"; each card owes its batch amount less them', async () => {
    const sources = await ownerQuery(
      api,
      `select source, count(*)::int as n from payments where tenant_id = $1 group by source`,
      [tenantId],
    );
    expect(sources).toEqual([{ source: 'api', n: 3 }]);
    expect(await owed()).toEqual(['4500.00', '2700.00', '1800.00', '1500.00', '800.00']);
  });

  it('importing the bank file links 500.00 (03-11 vs 03-10, within ±3 days) to our payment, holds 310.00 against our 300.00, books only the 150.00', async () => {
    const view = await kit.importFile(bankFile, 'payments', 'card-repayments');
    expect(view).toMatchObject({ status: 'succeeded', rowsOk: 3, rowsFailed: 0 });
    expect(view.counts).toMatchObject({
      paymentsMatched: 1,
      paymentsMismatched: 1,
      paymentsCreated: 1,
      paymentsExisting: 0,
    });
    const links = await ownerQuery(
      api,
      `select c.external_ref, c.amount::text, m.amount::text as matched, x.amount::text as mismatched,
              b.source as booked_source
       from client_receipts c
       left join payments m on m.tenant_id = c.tenant_id and m.id = c.matched_payment_id
       left join payments x on x.tenant_id = c.tenant_id and x.id = c.mismatched_payment_id
       left join payments b on b.tenant_id = c.tenant_id and b.id = c.booked_payment_id
       where c.tenant_id = $1 order by c.external_ref`,
      [tenantId],
    );
    expect(links).toEqual([
      {
        external_ref: 'LS0311001',
        amount: '500.00',
        matched: '500.00',
        mismatched: null,
        booked_source: null,
      },
      {
        external_ref: 'LS0312002',
        amount: '310.00',
        matched: null,
        mismatched: '300.00',
        booked_source: null,
      },
      {
        external_ref: 'LS0315003',
        amount: '150.00',
        matched: null,
        mismatched: null,
        booked_source: 'card-bank',
      },
    ]);
  });

  it('no repayment reduces a balance twice: 4,500.00 / 2,700.00 / 1,800.00 / 1,350.00 / 800.00 to the fen', async () => {
    expect(await owed()).toEqual(OWED_AFTER);
    expect(await counts()).toEqual({ payments: 4, receipts: 3 });
  });

  it('importing the same bank file again changes nothing', async () => {
    const again = await kit.importFile(bankFile, 'payments', 'card-repayments');
    expect(again.counts).toMatchObject({
      paymentsCreated: 0,
      paymentsMatched: 0,
      paymentsMismatched: 0,
      paymentsExisting: 3,
    });
    expect(await counts()).toEqual({ payments: 4, receipts: 3 });
    expect(await owed()).toEqual(OWED_AFTER);
  });

  it('the March reconciliation lists −10.00 (amounts differ), +200.00 (ours only), −150.00 (bank only); totals 1,000.00 vs 960.00 = +40.00', async () => {
    const xlsx = await kit.generate(
      users.finance.token,
      'bank-reconciliation',
      '2026-03-31',
      'xlsx',
    );
    const rows = await ReconciliationKit.sheet(xlsx, '对账差异明细', '合同/账号');
    expect(rows).toEqual([
      [CARDS[1].card, '持卡人乙', 300, 310, -10, '金额不符'],
      [CARDS[2].card, '<script>丙</script>', 200, 0, 200, '仅本公司记录'],
      // Neutralised: a name a spreadsheet would run as a formula stays text.
      [CARDS[3].card, "'=1+2丁", 0, 150, -150, '仅委托方记录'],
      // 合计: the rows added up (issue 13 §3).
      ['合计', undefined, 500, 460, 40],
    ]);
    const summary = await ReconciliationKit.sheet(xlsx, '对账汇总', '项目');
    expect(summary).toEqual([
      ['一致', 1, 500, 500, 0],
      ['仅本公司记录', 1, 200, 0, 200],
      ['仅委托方记录', 1, 0, 150, -150],
      ['金额不符', 1, 300, 310, -10],
      ['有未配对还款', 0, 0, 0, 0],
      ['合计', 4, 1000, 960, 40],
    ]);
  });

  it('the HTML reconciliation escapes names and states the sign convention', async () => {
    const html = (
      await kit.generate(users.finance.token, 'bank-reconciliation', '2026-03-31', 'html')
    ).toString('utf8');
    expect(html).toContain('&lt;script&gt;丙&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('差额 &#x3D; 本公司记录金额 − 委托方记录金额');
    expect(html).not.toContain('no data source yet');
  });

  it('performance for finance: the collector recovered 1,150.00 in March — the matched 500.00 counted once', async () => {
    const xlsx = await kit.generate(users.finance.token, 'performance', '2026-03-31', 'xlsx');
    // One row per collector, a column per metric, a 合计 and the period under the table.
    const rows = await ReconciliationKit.sheet(xlsx, '指标统计（按催收人员）', '催收人员');
    expect(rows.slice(0, 3)).toEqual([
      ['wang', 1150],
      ['合计', 1150],
      ['统计期间：2026-03-01 ~ 2026-03-31'],
    ]);
  });

  it('the month-end run generates the reconciliation once, in XLSX and HTML', async () => {
    const run = await api.commands.execute(new RunDueReports(meta(tenantId), '2026-03-31'));
    expect(run.failed).toEqual([]);
    expect(run.generated).toEqual(
      expect.arrayContaining([
        { reportId: 'bank-reconciliation', period: 'month:2026-03', format: 'xlsx' },
        { reportId: 'bank-reconciliation', period: 'month:2026-03', format: 'html' },
      ]),
    );
  });
});
