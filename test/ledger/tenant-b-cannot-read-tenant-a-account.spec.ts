import { startTestApi, TestApi } from '../support/test-app';
import { connect } from '../support/test-db';
import {
  as,
  registerBulletAccount,
  registerDebtor,
  tenantWithUsers,
  TestTenant,
  BOOT_TIMEOUT_MS,
} from './ledger-test-kit';

describe("tenant B cannot read tenant A's ledger (DESIGN §3: RLS)", () => {
  let api: TestApi;
  let a: TestTenant;
  let b: TestTenant;
  let debtorA: string;
  let accountA: string;

  beforeAll(async () => {
    api = await startTestApi();
    a = await tenantWithUsers(api, 'ledger-a', { admin: ['tenant-admin'] });
    b = await tenantWithUsers(api, 'ledger-b', { admin: ['tenant-admin'] });
    debtorA = await registerDebtor(api, a.tokens.admin);
    accountA = await registerBulletAccount(api, a.tokens.admin, debtorA);
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => api.close(), BOOT_TIMEOUT_MS);

  it("GET tenant A's balance, ledger and debtor with tenant B's token → 404 each", async () => {
    const asB = as(api, b.tokens.admin);
    await asB.get(`/accounts/${accountA}/balance?asOf=2026-02-01`).expect(404);
    await asB.get(`/accounts/${accountA}/ledger`).expect(404);
    await asB.get(`/debtors/${debtorA}`).expect(404);
    // Control: tenant A reads its own account.
    await as(api, a.tokens.admin).get(`/accounts/${accountA}/balance`).expect(200);
  });

  it("posting a payment to tenant A's account with tenant B's token → 404, nothing written", async () => {
    await as(api, b.tokens.admin)
      .post(`/accounts/${accountA}/payments`, {
        externalRef: 'X-1',
        paidOn: '2026-01-05',
        amount: '1.00',
      })
      .expect(404);
  });

  it("tenant B registering an account on tenant A's debtor → 400 naming body.debtorId", async () => {
    const response = await as(api, b.tokens.admin)
      .post('/accounts', {
        debtorId: debtorA,
        type: 'loan',
        source: 'core-banking',
        externalRef: 'B-1',
        principal: '1.00',
        annualRate: '0.06',
        penaltyMarkup: '0.5',
        startDate: '2025-12-01',
        schedule: { method: 'bullet', termMonths: 1 },
      })
      .expect(400);
    expect(response.body.errors[0].path).toBe('body.debtorId');
  });

  it('raw SQL as the app role bound to tenant B sees 0 of A’s accounts, installments, payments, balances, debtors', async () => {
    const client = await connect(api.db.appUrl);
    try {
      const count = async (tenantId: string, table: string, column: string, id: string) => {
        await client.query('begin');
        await client.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
        const { rows } = await client.query(
          `select count(*)::int as n from ${table} where ${column} = $1`,
          [id],
        );
        await client.query('commit');
        return rows[0].n as number;
      };
      const seenByB = [
        await count(b.id, 'accounts', 'id', accountA),
        await count(b.id, 'installments', 'account_id', accountA),
        await count(b.id, 'account_balances', 'account_id', accountA),
        await count(b.id, 'debtors', 'id', debtorA),
      ];
      expect(seenByB).toEqual([0, 0, 0, 0]);
      const seenByA = [
        await count(a.id, 'accounts', 'id', accountA),
        await count(a.id, 'installments', 'account_id', accountA),
        await count(a.id, 'account_balances', 'account_id', accountA),
        await count(a.id, 'debtors', 'id', debtorA),
      ];
      expect(seenByA).toEqual([1, 1, 1, 1]);
    } finally {
      await client.end();
    }
  });
});
