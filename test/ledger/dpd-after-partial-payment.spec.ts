import { startTestApi, TestApi } from '../support/test-app';
import { as, registerDebtor, tenantWithUsers, BOOT_TIMEOUT_MS } from './ledger-test-kit';

describe('days past due after a partial payment (issue 3: Balance)', () => {
  let api: TestApi;
  let token: string;
  let accountId: string;

  beforeAll(async () => {
    api = await startTestApi();
    const tenant = await tenantWithUsers(api, 'dpd-partial', { clerk: ['clerk'] });
    token = tenant.tokens.clerk;
    const debtorId = await registerDebtor(api, token);
    // Three monthly installments of 1,000.00 principal, imported as given; 6%, markup 50%.
    const account = await as(api, token)
      .post('/accounts', {
        debtorId,
        type: 'microloan',
        source: 'import',
        externalRef: 'ML-3',
        principal: '3000.00',
        annualRate: '0.06',
        penaltyMarkup: '0.5',
        startDate: '2025-12-31',
        schedule: {
          method: 'given',
          installments: [
            { dueDate: '2026-01-31', principal: '1000.00', interest: '50.00' },
            { dueDate: '2026-02-28', principal: '1000.00', interest: '45.00' },
            { dueDate: '2026-03-31', principal: '1000.00', interest: '40.00' },
          ],
        },
      })
      .expect(201);
    accountId = account.body.id;
    await as(api, token)
      .post(`/accounts/${accountId}/payments`, {
        externalRef: 'P-0305',
        paidOn: '2026-03-05',
        amount: '500.00',
      })
      .expect(201);
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => api.close(), BOOT_TIMEOUT_MS);

  it('500.00 on 03-05 does not reset DPD: still 38 days from 01-31 on 03-10 (M2)', async () => {
    const response = await as(api, token)
      .get(`/accounts/${accountId}/balance?asOf=2026-03-10`)
      .expect(200);
    expect(response.body).toMatchObject({
      dpd: 38,
      agingBucket: 'M2',
      loanClass: 'special-mention',
    });
  });

  it('the ledger shows 8.25 penalty, 50.00 interest and 441.75 principal paid on #1, 558.25 still owed', async () => {
    const response = await as(api, token)
      .get(`/accounts/${accountId}/ledger?asOf=2026-03-10`)
      .expect(200);
    const [first, second] = response.body.installments;
    expect(first.paid).toEqual({
      fees: '0.00',
      penalty: '8.25',
      compound: '0.00',
      interest: '50.00',
      principal: '441.75',
    });
    expect(first.outstanding.principal).toBe('558.25');
    expect(first.dpd).toBe(38);
    expect(second.dpd).toBe(10);
  });

  it('a given schedule whose principal does not add up to the account is refused naming body.schedule.installments', async () => {
    const debtors = await as(api, token)
      .post('/debtors', { kind: 'person', name: '杨超', idNumber: '340104199810100338' })
      .expect(201);
    const response = await as(api, token)
      .post('/accounts', {
        debtorId: debtors.body.id,
        type: 'microloan',
        source: 'import',
        externalRef: 'ML-BAD',
        principal: '3000.00',
        annualRate: '0.06',
        penaltyMarkup: '0.5',
        startDate: '2025-12-31',
        schedule: {
          method: 'given',
          installments: [{ dueDate: '2026-01-31', principal: '1000.00', interest: '50.00' }],
        },
      })
      .expect(400);
    expect(response.body.errors).toEqual([
      {
        path: 'body.schedule.installments',
        reason: "principal adds up to 1000.00 but the account's principal is 3000.00",
      },
    ]);
  });
});
