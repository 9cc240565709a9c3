import { amnestyLoan, approveWaiver as approveWaiverOf } from './support/amnesty-book';
import type { CollectionTestApi } from '../collection/support/collection-api';
import { tenantWithUsers } from '../collection/support/fixtures';
import { bearer, installPack, pay, reverse, startKpiApi } from './support/kpi-fixtures';

/**
 * 第二篇 四（二）1: "2012年8月1日前，愿意主动归还欠款的单位和个人，经农村信用社认可同意后，可以
 * 申请按现行合同利率收取利息，不计复利，减免罚息。" Each loan: 10,000.00 at 7.2% with 360.00
 * interest, all due 2012-02-01; penalty rate 10.8% (markup 50%), compound on. Through
 * 2012-07-31 (181 days) the contract charges 543.00 penalty and 19.55 compound; the amnesty
 * charges 362.00 interest at the contract rate instead and no compound.
 */
describe('the amnesty is applied when an account settles before 2012-08-01 and not after', () => {
  let api: CollectionTestApi;
  let tenantId: string;
  let token: string;
  let managerId: string;
  let deputyId: string;

  beforeAll(async () => {
    api = await startKpiApi({ now: '2012-08-10T10:00:00+08:00' });
    const setup = await tenantWithUsers(api, 'coop-amnesty', {
      chief: ['manager'],
      deputy: ['manager'],
    });
    tenantId = setup.tenantId;
    token = setup.users.chief.token;
    managerId = setup.users.chief.id;
    deputyId = setup.users.deputy.id;
    await installPack(api, tenantId, 'test-drive');
  }, 120_000);
  afterAll(async () => api.close());

  const loan = (name: string) => amnestyLoan(api, tenantId, name);

  const approveWaiver = (debtorId: string) =>
    approveWaiverOf(api, tenantId, { askedBy: deputyId, approvedBy: managerId }, debtorId);

  const incentives = async (accountId: string, asOf: string) => {
    const response = await api
      .http()
      .get(`/api/v1/accounts/${accountId}/incentives?asOf=${asOf}`)
      .set(bearer(token))
      .expect(200);
    return { balance: response.body.balance, amnesty: response.body.incentives[0] };
  };

  it('settled 2012-07-31 with 10,722.00 (principal + 722.00 contract interest): penalty and compound waived, nothing owed', async () => {
    const { debtorId, accountId } = await loan('林勇');
    await pay(api, tenantId, accountId, '2012-07-31', '10722.00');
    await approveWaiver(debtorId);
    const { balance, amnesty } = await incentives(accountId, '2012-08-10');
    expect(amnesty).toMatchObject({
      id: 'amnesty',
      deadline: '2012-08-01',
      status: 'applied',
      settledOn: '2012-07-31',
      approval: { kind: 'waiver', state: 'approved' },
      figures: {
        at: '2012-07-31',
        normalTerms: { interest: '360.00', penaltyInterest: '543.00', compoundInterest: '19.55' },
        incentiveTerms: { interest: '722.00', penaltyInterest: '0.00', compoundInterest: '0.00' },
        waived: { penaltyInterest: '181.00', compoundInterest: '19.55', total: '200.55' },
      },
    });
    expect(balance).toMatchObject({
      totalDue: '0.00',
      penaltyInterest: '0.00',
      compoundInterest: '0.00',
      outstandingPrincipal: '0.00',
    });
    // The ledger's own balance route shows the same: the waiver lives in the balance.
    const ledger = await api
      .http()
      .get(`/api/v1/accounts/${accountId}/balance?asOf=2012-08-10`)
      .set(bearer(token))
      .expect(200);
    expect([ledger.body.totalDue, ledger.body.penaltyInterest]).toEqual(['0.00', '0.00']);
  });

  it('settled 2012-08-02 pays the contract terms: 549.00 penalty and 19.76 compound for 183 days', async () => {
    const { debtorId, accountId } = await loan('徐磊');
    await approveWaiver(debtorId);
    await pay(api, tenantId, accountId, '2012-08-02', '10928.76');
    const { balance, amnesty } = await incentives(accountId, '2012-08-10');
    expect(amnesty.status).toBe('lapsed');
    expect(balance.totalDue).toBe('0.00');
    const ledger = await api
      .http()
      .get(`/api/v1/accounts/${accountId}/ledger?asOf=2012-08-10`)
      .set(bearer(token))
      .expect(200);
    const paid = (component: string) =>
      ledger.body.allocations
        .filter((a: { component: string }) => a.component === component)
        .map((a: { amount: string }) => a.amount);
    expect([paid('penalty'), paid('compound'), paid('interest')]).toEqual([
      ['549.00'],
      ['19.76'],
      ['360.00'],
    ]);
  });

  it('the amnesty amount paid a day late does not settle: 206.76 principal is still owed on 2012-08-02', async () => {
    const { debtorId, accountId } = await loan('周杰');
    await approveWaiver(debtorId);
    await pay(api, tenantId, accountId, '2012-08-02', '10722.00');
    const { balance, amnesty } = await incentives(accountId, '2012-08-02');
    expect(amnesty.status).toBe('lapsed');
    expect([balance.totalDue, balance.overduePrincipal, balance.penaltyInterest]).toEqual([
      '206.76',
      '206.76',
      '0.00',
    ]);
  });

  it("waits for the co-op's consent: before approval the contract terms apply (201.15 owed), after it nothing", async () => {
    const { debtorId, accountId } = await loan('罗涛');
    await pay(api, tenantId, accountId, '2012-07-31', '10722.00');
    const before = await incentives(accountId, '2012-08-10');
    expect(before.amnesty).toMatchObject({
      status: 'awaiting-approval',
      approval: { kind: 'waiver', state: 'none' },
    });
    // 10,722.00 went to 543.00 penalty, 19.55 compound, 360.00 interest and 9,799.45
    // principal; 200.55 principal then bears 0.60 penalty for 10 days.
    expect([before.balance.overduePrincipal, before.balance.totalDue]).toEqual([
      '200.55',
      '201.15',
    ]);
    await approveWaiver(debtorId);
    const after = await incentives(accountId, '2012-08-10');
    expect([after.amnesty.status, after.balance.totalDue]).toEqual(['applied', '0.00']);
  });

  it('a reversal dated 2012-08-05 brings the waiver back out: 10,953.63 owed on 2012-08-10', async () => {
    const { debtorId, accountId } = await loan('高洋');
    const receipt = await pay(api, tenantId, accountId, '2012-07-31', '10722.00');
    await approveWaiver(debtorId);
    await reverse(api, tenantId, receipt, '2012-08-05');
    // As of 08-04 the receipt still stood: the statement of that day keeps the waiver.
    const then = await incentives(accountId, '2012-08-04');
    expect([then.amnesty.status, then.balance.totalDue]).toEqual(['applied', '0.00']);
    // 191 days: 573.00 penalty, 20.63 compound, 360.00 interest, 10,000.00 principal.
    const now = await incentives(accountId, '2012-08-10');
    expect(now.amnesty.status).toBe('withdrawn');
    expect(now.balance).toMatchObject({
      penaltyInterest: '573.00',
      compoundInterest: '20.63',
      totalDue: '10953.63',
    });
  });

  it('before the date, an unsettled account sees what settling today would cost and save', async () => {
    const { accountId } = await loan('吴芳');
    const { amnesty } = await incentives(accountId, '2012-07-31');
    expect(amnesty).toMatchObject({
      status: 'available',
      figures: {
        at: '2012-07-31',
        normalTerms: { toSettle: '10922.55' },
        incentiveTerms: { toSettle: '10722.00' },
        waived: { total: '200.55' },
      },
    });
  });
});
