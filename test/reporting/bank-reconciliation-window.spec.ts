import type { CollectionTestApi } from '../collection/support/collection-api';
import { ownerQuery, tenantWithUsers } from '../collection/support/fixtures';
import { installPack, pay, startKpiApi } from '../kpi/support/kpi-fixtures';
import { ReconciliationKit } from './bank-reconciliation-kit';

/**
 * The card pack's `repaymentMatchDays` (default ±3): a bank receipt is the agency's repayment
 * only within the window; outside it, it is other money and is booked — and the month's
 * reconciliation lists the account even though its totals agree. Pairs are one to one, the
 * nearest date first; a pair across a month end counts in the bank's month.
 */
const CARDS = [
  { card: '6225990000000001', name: '甲', owed: '1000.00' }, // ours 03-10, bank 03-14
  { card: '6225990000000002', name: '乙', owed: '1000.00' }, // ours 03-31, bank 04-01
  { card: '6225990000000003', name: '丙', owed: '1000.00' }, // ours 03-05 + 03-06, bank 03-06 + 03-07
];
const BANK_FILE = [
  ['卡号', '还款日期', '还款金额', '银行流水号'],
  [CARDS[0].card, '2026-03-14', '100.00', 'W1'],
  [CARDS[1].card, '2026-04-01', '100.00', 'W2'],
  [CARDS[2].card, '2026-03-06', '100.00', 'W3'],
  [CARDS[2].card, '2026-03-07', '100.00', 'W4'],
];
const OURS: readonly [number, string][] = [
  [0, '2026-03-10'],
  [1, '2026-03-31'],
  [2, '2026-03-05'],
  [2, '2026-03-06'],
];

describe('bank receipts pair with the agency’s repayments within repaymentMatchDays (篇八 对账)', () => {
  let api: CollectionTestApi;
  const kits: ReconciliationKit[] = [];

  /** A card tenant with the three cards, our four repayments, and the bank's file imported. */
  async function agency(slug: string, params: Record<string, unknown>) {
    api.clock.set('2026-03-02T09:00:00+08:00');
    const { tenantId, users } = await tenantWithUsers(api, slug, { finance: ['finance'] });
    await installPack(api, tenantId, 'card-collection-agency', params);
    const kit = await ReconciliationKit.open(api, tenantId);
    kits.push(kit);
    await kit.cardBatch(CARDS);
    const accounts = await ownerQuery<{ id: string }>(
      api,
      `select id from accounts where tenant_id = $1 order by external_ref`,
      [tenantId],
    );
    api.clock.set('2026-04-03T10:00:00+08:00');
    for (const [i, paidOn] of OURS) await pay(api, tenantId, accounts[i].id, paidOn, '100.00');
    const view = await kit.importFile(
      await kit.gbkCsv(`${slug}.csv`, BANK_FILE),
      'payments',
      'card-repayments',
    );
    const owed = await Promise.all(accounts.map((a) => kit.totalDue(a.id, '2026-04-30')));
    return { kit, token: users.finance.token, view, owed };
  }

  beforeAll(async () => {
    api = await startKpiApi({ now: '2026-03-02T09:00:00+08:00' });
  }, 180_000);
  afterAll(async () => {
    for (const kit of kits) await kit.close();
    await api?.close();
  });

  it('±3 days: 03-14 is not our 03-10 (booked, listed although both sides show 100.00); 04-01 is our 03-31; 03-06/03-07 pair with 03-06/03-05', async () => {
    const { kit, token, view, owed } = await agency('window-default', {});
    expect(view.counts).toMatchObject({
      paymentsMatched: 3,
      paymentsMismatched: 0,
      paymentsCreated: 1,
    });
    // 甲 paid 100.00 to us and, as far as the ledger knows, 100.00 more to the bank.
    expect(owed).toEqual(['800.00', '900.00', '800.00']);
    const march = await kit.generate(token, 'bank-reconciliation', '2026-03-31', 'xlsx');
    expect(await ReconciliationKit.sheet(march, '对账差异明细', '合同/账号')).toEqual([
      [CARDS[0].card, '甲', 100, 100, 0, '有未配对还款'],
      ['合计', undefined, 100, 100, 0],
    ]);
    const summary = await ReconciliationKit.sheet(march, '对账汇总', '项目');
    // 乙's 03-31 repayment was credited by the bank on 04-01: it reconciles in April.
    expect(summary.find((r) => r[0] === '合计')).toEqual(['合计', 2, 300, 300, 0]);
    const april = await kit.generate(token, 'bank-reconciliation', '2026-04-30', 'xlsx');
    expect(await ReconciliationKit.sheet(april, '对账差异明细', '合同/账号')).toEqual([]);
    expect((await ReconciliationKit.sheet(april, '对账汇总', '项目'))[0]).toEqual([
      '一致',
      1,
      100,
      100,
      0,
    ]);
  });

  it('repaymentMatchDays: 5 makes 03-14 our 03-10: nothing booked, nothing listed', async () => {
    const { kit, token, view, owed } = await agency('window-five', { repaymentMatchDays: 5 });
    expect(view.counts).toMatchObject({ paymentsMatched: 4, paymentsCreated: 0 });
    expect(owed).toEqual(['900.00', '900.00', '800.00']);
    const march = await kit.generate(token, 'bank-reconciliation', '2026-03-31', 'xlsx');
    expect(await ReconciliationKit.sheet(march, '对账差异明细', '合同/账号')).toEqual([]);
  });

  it('a tenant whose pack does not reconcile books every receipt as before', async () => {
    api.clock.set('2026-03-02T09:00:00+08:00');
    const { tenantId } = await tenantWithUsers(api, 'no-reconcile', {});
    await installPack(api, tenantId, 'microloan-overdue');
    const kit = await ReconciliationKit.open(api, tenantId);
    kits.push(kit);
    await kit.cardBatch(CARDS);
    api.clock.set('2026-04-03T10:00:00+08:00');
    const view = await kit.importFile(
      await kit.gbkCsv('plain.csv', BANK_FILE),
      'payments',
      'card-repayments',
    );
    expect(view.counts).toMatchObject({ paymentsCreated: 4, paymentsMatched: 0 });
    const [row] = await ownerQuery(
      api,
      `select count(*)::int as n from client_receipts where tenant_id = $1`,
      [tenantId],
    );
    expect(row.n).toBe(0);
  });
});
