import { CollectionTestApi, startCollectionApi } from '../collection/support/collection-api';
import {
  debtorWithOverdueAccount,
  Member,
  openCase,
  ownerQuery,
  tenantWithUsers,
} from '../collection/support/fixtures';

/**
 * Issue 14 part 1, the domain's dates: money is not received before the account began and a
 * letter is not delivered before it existed. Both are refused with 422 naming the date field,
 * and nothing is written.
 */
describe('issue 14: payments before the account starts and deliveries before the notice are 422', () => {
  let api: CollectionTestApi;
  let manager: Member;
  let tenantId: string;
  let accountId: string;
  let noticeId: string;

  const post = (path: string, body: object) =>
    api.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${manager.token}`).send(body);
  const count = async (sql: string, params: unknown[]) =>
    (await ownerQuery<{ n: number }>(api, sql, params))[0]!.n;

  beforeAll(async () => {
    api = await startCollectionApi({ now: '2026-12-01T02:00:00Z' });
    const tenant = await tenantWithUsers(api, 'dates-422', { manager: ['manager'] });
    tenantId = tenant.tenantId;
    manager = tenant.users.manager;
    const book = await debtorWithOverdueAccount(api, tenantId, {
      name: '赵六',
      principal: '3000.00',
      dueOn: '2026-11-20',
      startDate: '2026-11-12',
    });
    accountId = book.accountId;
    const caseId = await openCase(api, manager, book.debtorId);
    // Created 2026-11-24 17:00 UTC: already 11-25 01:00 in the tenant's zone (Asia/Shanghai).
    const [notice] = await ownerQuery<{ id: string }>(
      api,
      `insert into notices (tenant_id, id, case_id, debtor_id, template_id, pack_version,
                            template_hash, channel, title, rendered_html, data, idempotency_key,
                            issued_by, created_at, updated_at)
       values ($1, gen_random_uuid(), $2, $3, 't/overdue', '1.0.0', repeat('a', 64), 'letter',
               '催收函', '<p>催收函</p>', '{}', 'dates-422-1', $4,
               '2026-11-24T17:00:00Z', '2026-11-24T17:00:00Z')
       returning id`,
      [tenantId, caseId, book.debtorId, manager.id],
    );
    noticeId = notice!.id;
  }, 120_000);
  afterAll(async () => api.close());

  const receipt = (externalRef: string, paidOn: string) => ({
    source: 'bank-feed',
    externalRef,
    paidOn,
    amount: '100.00',
  });

  it('a payment dated 1900-01-01 on an account starting 2026-11-12 is 422 naming paidOn; no row', async () => {
    const response = await post(`/accounts/${accountId}/payments`, receipt('OLD-1', '1900-01-01'));
    expect(response.status).toBe(422);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body.errors).toEqual([
      { path: 'paidOn', reason: "is before the account's start date (2026-11-12)" },
    ]);
    const payments = `select count(*)::int as n from payments where account_id = $1`;
    expect(await count(payments, [accountId])).toBe(0);
  });

  it('one day before the start (2026-11-11) is refused; on the start date (2026-11-12) it books', async () => {
    const dayBefore = await post(`/accounts/${accountId}/payments`, receipt('OLD-2', '2026-11-11'));
    expect(dayBefore.status).toBe(422);
    expect(dayBefore.body.errors[0].path).toBe('paidOn');
    await post(`/accounts/${accountId}/payments`, receipt('OK-1', '2026-11-12')).expect(201);
    const payments = `select count(*)::int as n from payments where account_id = $1`;
    expect(await count(payments, [accountId])).toBe(1);
  });

  it("a delivery dated 2026-11-24, before the notice was created (11-25 in the tenant's zone), is 422 naming on", async () => {
    const response = await post(`/notices/${noticeId}/delivery`, {
      status: 'sent',
      on: '2026-11-24',
    });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      { path: 'on', reason: 'is before the notice was created (2026-11-25)' },
    ]);
    const [row] = await ownerQuery<{ status: string; sent_on: string | null }>(
      api,
      `select status, sent_on::text from notices where id = $1`,
      [noticeId],
    );
    expect(row!.sent_on).toBeNull();
  });

  it('a delivery on the day the notice was created is recorded', async () => {
    const response = await post(`/notices/${noticeId}/delivery`, {
      status: 'sent',
      on: '2026-11-25',
    });
    expect(response.status).toBeLessThan(300);
    const [row] = await ownerQuery<{ sent_on: string | null }>(
      api,
      `select sent_on::text from notices where id = $1`,
      [noticeId],
    );
    expect(row!.sent_on).toBe('2026-11-25');
  });
});
