import { amnestyLoan, approveWaiver as approveWaiverOf } from './support/amnesty-book';
import { TenantTx } from '../../libs/db/src';
import { AccountBalances, refreshBalanceChunk } from '../../libs/ledger/src';
import type { CollectionTestApi } from '../collection/support/collection-api';
import { tenantWithUsers } from '../collection/support/fixtures';
import { installPack, pay, reverse, startKpiApi } from './support/kpi-fixtures';

/**
 * The daily run's balance refresh reads the co-op's approvals once for a whole chunk of
 * accounts; each account must still get exactly its own relief (第二篇 四（二）1, as in
 * amnesty-incentive.spec): settled 2012-07-31 with 10,722.00 and approved → nothing owed;
 * settled but not approved → 201.15; settled, approved, then reversed 2012-08-05 →
 * 10,953.63; settled a day late (2012-08-02, approved) → contract terms, more than 206.76.
 */
describe('incentive relief attached per chunk: one approvals read, each account its own relief', () => {
  let api: CollectionTestApi;
  let tenantId: string;
  let managerId: string;
  let deputyId: string;

  beforeAll(async () => {
    api = await startKpiApi({ now: '2012-08-10T10:00:00+08:00' });
    const setup = await tenantWithUsers(api, 'coop-relief-chunk', {
      chief: ['manager'],
      deputy: ['manager'],
    });
    tenantId = setup.tenantId;
    managerId = setup.users.chief.id;
    deputyId = setup.users.deputy.id;
    await installPack(api, tenantId, 'test-drive');
  }, 120_000);
  afterAll(async () => api.close());

  const loan = (name: string) => amnestyLoan(api, tenantId, name);

  const approveWaiver = (debtorId: string) =>
    approveWaiverOf(api, tenantId, { askedBy: deputyId, approvedBy: managerId }, debtorId);

  it('prices approved, unapproved, reversed and late accounts of one chunk each on its own terms', async () => {
    const approved = await loan('甲');
    await pay(api, tenantId, approved.accountId, '2012-07-31', '10722.00');
    await approveWaiver(approved.debtorId);
    const waiting = await loan('乙');
    await pay(api, tenantId, waiting.accountId, '2012-07-31', '10722.00');
    const reversed = await loan('丙');
    const paymentId = await pay(api, tenantId, reversed.accountId, '2012-07-31', '10722.00');
    await approveWaiver(reversed.debtorId);
    await reverse(api, tenantId, paymentId, '2012-08-05');
    const late = await loan('丁');
    await pay(api, tenantId, late.accountId, '2012-08-02', '10722.00');
    await approveWaiver(late.debtorId);

    const tx = api.app.get(TenantTx);
    const balances = api.app.get(AccountBalances);
    const refreshed = await tx.run(tenantId, (em) =>
      refreshBalanceChunk(em, balances, {
        tenantId,
        after: null,
        limit: 1000,
        asOf: '2012-08-10',
        now: new Date('2012-08-10T02:00:00Z'),
      }),
    );
    expect(refreshed.accounts).toBe(4);
    const rows = await tx.run(tenantId, (em) =>
      em.execute<{ account_id: string; total_due: string }[]>(
        `select account_id, total_due::text from account_balances where tenant_id = ?`,
        [tenantId],
      ),
    );
    const due = new Map(rows.map((r) => [r.account_id, r.total_due]));
    expect([
      due.get(approved.accountId),
      due.get(waiting.accountId),
      due.get(reversed.accountId),
    ]).toEqual(['0.00', '201.15', '10953.63']);
    // Paid a day late: no waiver; 206.76 principal (206.76 owed on 08-02) bears penalty since.
    expect(Number(due.get(late.accountId))).toBeGreaterThan(206.76);
  });
});
