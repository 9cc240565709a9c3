import { startTestApi, TestApi } from '../support/test-app';
import {
  as,
  ownerQuery,
  registerBulletAccount,
  registerDebtor,
  tenantWithUsers,
  BOOT_TIMEOUT_MS,
} from './ledger-test-kit';

describe('a reversal (冲正) is a new negative row, never a delete (issue 3: Payments)', () => {
  let api: TestApi;
  let token: string;
  let accountId: string;
  let paymentId: string;

  beforeAll(async () => {
    api = await startTestApi();
    const tenant = await tenantWithUsers(api, 'reversal', {
      clerk: ['clerk'],
      cashier: ['finance'],
    });
    // The back office registers the account; finance books (and reverses) the money.
    const clerk = tenant.tokens.clerk;
    accountId = await registerBulletAccount(api, clerk, await registerDebtor(api, clerk));
    token = tenant.tokens.cashier;
    const paid = await as(api, token)
      .post(`/accounts/${accountId}/payments`, {
        externalRef: 'LS-0001',
        paidOn: '2026-01-11',
        amount: '50250.00',
      })
      .expect(201);
    paymentId = paid.body.payment.id;
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => api.close(), BOOT_TIMEOUT_MS);

  it('reversing 50,250.00 on 2026-01-20 appends −50,250.00 naming the receipt; both rows remain', async () => {
    const response = await as(api, token)
      .post(`/payments/${paymentId}/reverse`, { reason: '银行退票', reversedOn: '2026-01-20' })
      .expect(201);
    expect(response.body.payment).toMatchObject({
      amount: '-50250.00',
      reversesPaymentId: paymentId,
      paidOn: '2026-01-20',
      externalRef: 'LS-0001:reversal',
    });
    const rows = await ownerQuery<{ amount: string; reverses_payment_id: string | null }>(
      api,
      `select amount, reverses_payment_id from payments where account_id = $1 order by amount desc`,
      [accountId],
    );
    expect(rows).toEqual([
      { amount: '50250.00', reverses_payment_id: null },
      { amount: '-50250.00', reverses_payment_id: paymentId },
    ]);
  });

  it('after the reversal the balance returns to the unpaid figures: penalty 775.00, total 101,275.00 on 02-01', async () => {
    const response = await as(api, token)
      .get(`/accounts/${accountId}/balance?asOf=2026-02-01`)
      .expect(200);
    expect(response.body).toMatchObject({
      overduePrincipal: '100000.00',
      overdueInterest: '500.00',
      penaltyInterest: '775.00',
      totalDue: '101275.00',
      dpd: 31,
    });
  });

  it('as of 2026-01-15, before the reversal, the receipt still counts: principal 50,500.00 outstanding', async () => {
    const response = await as(api, token)
      .get(`/accounts/${accountId}/ledger?asOf=2026-01-15`)
      .expect(200);
    expect(response.body.balance.overduePrincipal).toBe('50500.00');
    expect(response.body.payments.map((p: { status: string }) => p.status)).toEqual(['effective']);
  });

  it('the ledger as of 02-01 lists the receipt as reversed and the negative row as the reversal', async () => {
    const response = await as(api, token)
      .get(`/accounts/${accountId}/ledger?asOf=2026-02-01`)
      .expect(200);
    expect(
      response.body.payments.map((p: { amount: string; status: string }) => [p.amount, p.status]),
    ).toEqual([
      ['50250.00', 'reversed'],
      ['-50250.00', 'reversal'],
    ]);
  });

  it('reversing again returns the first reversal (200) and writes nothing', async () => {
    const again = await as(api, token)
      .post(`/payments/${paymentId}/reverse`, { reason: 'double click' })
      .expect(200);
    expect(again.body.created).toBe(false);
    const rows = await ownerQuery<{ n: number }>(
      api,
      `select count(*)::int as n from payments where account_id = $1`,
      [accountId],
    );
    expect(rows[0].n).toBe(2);
  });

  it('the application role cannot delete or update a payment row', async () => {
    const { connect } = await import('../support/test-db');
    const client = await connect(api.db.appUrl);
    try {
      await expect(client.query(`delete from payments where id = $1`, [paymentId])).rejects.toThrow(
        /permission denied/,
      );
      await expect(
        client.query(`update payments set amount = 1 where id = $1`, [paymentId]),
      ).rejects.toThrow(/permission denied/);
    } finally {
      await client.end();
    }
  });
});
