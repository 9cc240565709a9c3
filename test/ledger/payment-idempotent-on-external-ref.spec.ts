import { startTestApi, TestApi } from '../support/test-app';
import {
  as,
  ownerQuery,
  registerBulletAccount,
  registerDebtor,
  tenantWithUsers,
  BOOT_TIMEOUT_MS,
} from './ledger-test-kit';

describe('payments are idempotent on (tenant, source, externalRef) (issue 3: Payments)', () => {
  let api: TestApi;
  let token: string;
  let accountId: string;
  const receipt = {
    source: 'bank-feed',
    externalRef: 'LS6696256969',
    paidOn: '2026-01-11',
    amount: '50250.00',
  };

  beforeAll(async () => {
    api = await startTestApi();
    const tenant = await tenantWithUsers(api, 'idempotent-pay', {
      clerk: ['clerk'],
      cashier: ['finance'],
    });
    // The back office registers the account; finance books (and reverses) the money.
    const clerk = tenant.tokens.clerk;
    accountId = await registerBulletAccount(api, clerk, await registerDebtor(api, clerk));
    token = tenant.tokens.cashier;
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => api.close(), BOOT_TIMEOUT_MS);

  it('the same receipt posted twice creates one payment row and one PaymentRecorded event', async () => {
    const first = await as(api, token).post(`/accounts/${accountId}/payments`, receipt).expect(201);
    const second = await as(api, token)
      .post(`/accounts/${accountId}/payments`, receipt)
      .expect(200);
    expect(first.body.created).toBe(true);
    expect(second.body.created).toBe(false);
    expect(second.body.payment.id).toBe(first.body.payment.id);
    expect(second.body.payment.amount).toBe('50250.00');

    const rows = await ownerQuery<{ n: number }>(
      api,
      `select count(*)::int as n from payments where source = $1 and external_ref = $2`,
      [receipt.source, receipt.externalRef],
    );
    expect(rows[0].n).toBe(1);
    const events = await ownerQuery<{ n: number }>(
      api,
      `select count(*)::int as n from event_log where type = 'PaymentRecorded' and aggregate_id = $1`,
      [accountId],
    );
    expect(events[0].n).toBe(1);
  });

  it('the balance counts the money once: 50,250.00 on 01-11 leaves 50,500.00 principal and 265.13 penalty by 02-01', async () => {
    // 10 days on 100,000.00 at 9%/360 = 250.00 penalty; then 500.00 interest and 49,500.00
    // principal are paid; 21 days on 50,500.00 at 9%/360 = 265.125 → 265.13 (half-up).
    const response = await as(api, token)
      .get(`/accounts/${accountId}/balance?asOf=2026-02-01`)
      .expect(200);
    expect(response.body.outstandingPrincipal).toBe('50500.00');
    expect(response.body.penaltyInterest).toBe('265.13');
  });

  it('the same externalRef with a different amount is refused with 409, not silently merged', async () => {
    const response = await as(api, token)
      .post(`/accounts/${accountId}/payments`, { ...receipt, amount: '1.00' })
      .expect(409);
    expect(response.body.detail).toMatch(/already recorded as payment/);
  });

  it('a negative amount is refused with 400 naming body.amount: reversals have their own route', async () => {
    const response = await as(api, token)
      .post(`/accounts/${accountId}/payments`, {
        ...receipt,
        externalRef: 'NEG-1',
        amount: '-5.00',
      })
      .expect(400);
    expect(response.body.errors).toEqual([
      { path: 'body.amount', reason: 'must be positive; to undo a payment, reverse it' },
    ]);
  });
});
