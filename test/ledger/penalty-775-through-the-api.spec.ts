import { startTestApi, TestApi } from '../support/test-app';
import {
  as,
  registerBulletAccount,
  registerDebtor,
  tenantWithUsers,
  BOOT_TIMEOUT_MS,
} from './ledger-test-kit';

describe('balance through the API (issue 3: the 775.00 example)', () => {
  let api: TestApi;
  let token: string;
  let accountId: string;

  beforeAll(async () => {
    api = await startTestApi();
    const tenant = await tenantWithUsers(api, 'penalty-775', { admin: ['tenant-admin'] });
    token = tenant.tokens.admin;
    accountId = await registerBulletAccount(api, token, await registerDebtor(api, token));
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => api.close(), BOOT_TIMEOUT_MS);

  it('charges penalty interest at 6% × 1.5 on 100,000.00 for 31 days past 2026-01-01: 775.00', async () => {
    const response = await as(api, token)
      .get(`/accounts/${accountId}/balance?asOf=2026-02-01`)
      .expect(200);
    expect(response.body).toMatchObject({
      accountId,
      currency: 'CNY',
      asOf: '2026-02-01',
      overduePrincipal: '100000.00',
      overdueInterest: '500.00',
      penaltyInterest: '775.00',
      compoundInterest: '0.00',
      totalDue: '101275.00',
      dpd: 31,
      agingBucket: 'M2',
      loanClass: 'special-mention',
    });
  });

  it('on the due date nothing is overdue yet: penalty 0.00, 100,500.00 due today, DPD 0', async () => {
    const response = await as(api, token)
      .get(`/accounts/${accountId}/balance?asOf=2026-01-01`)
      .expect(200);
    expect(response.body).toMatchObject({ penaltyInterest: '0.00', dueToday: '100500.00', dpd: 0 });
  });

  it('the generated bullet schedule is one installment of 100,000.00 + 500.00 due 2026-01-01', async () => {
    const response = await as(api, token)
      .get(`/accounts/${accountId}/ledger?asOf=2026-02-01`)
      .expect(200);
    expect(response.body.installments).toEqual([
      expect.objectContaining({
        seq: 1,
        dueDate: '2026-01-01',
        scheduled: { principal: '100000.00', interest: '500.00' },
        dpd: 31,
      }),
    ]);
    expect(response.body.installments[0].outstanding.penaltyInterest).toBe('775.00');
  });

  it('an impossible asOf (2026-02-30) is refused with 400 naming query.asOf', async () => {
    const response = await as(api, token)
      .get(`/accounts/${accountId}/balance?asOf=2026-02-30`)
      .expect(400);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual(['query.asOf']);
  });
});
