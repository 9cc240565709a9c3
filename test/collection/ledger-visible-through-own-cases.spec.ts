import { startCollectionApi, CollectionTestApi } from './support/collection-api';
import {
  assign,
  debtorWithOverdueAccount,
  Member,
  openCase,
  tenantWithUsers,
} from './support/fixtures';

describe("篇八: a collector reads a debtor's ledger only through a case assigned to them", () => {
  let api: CollectionTestApi;
  let users: Record<'manager' | 'wang' | 'li', Member>;
  let mine: { debtorId: string; accountId: string };
  let theirs: { debtorId: string; accountId: string };
  let uncased: { debtorId: string; accountId: string };

  beforeAll(async () => {
    api = await startCollectionApi({ now: '2026-03-11T02:00:00Z' });
    const tenant = await tenantWithUsers(api, 'ledger-vis', {
      manager: ['manager'],
      wang: ['phone-collector'],
      li: ['phone-collector'],
    });
    users = tenant.users;
    const make = (name: string) =>
      debtorWithOverdueAccount(api, tenant.tenantId, {
        name,
        principal: '5000.00',
        dueOn: '2026-03-01',
        startDate: '2026-02-01',
      });
    mine = await make('张三');
    theirs = await make('李四');
    uncased = await make('王五');
    await assign(api, users.manager, await openCase(api, users.manager, mine.debtorId), users.wang);
    await assign(api, users.manager, await openCase(api, users.manager, theirs.debtorId), users.li);
  }, 180_000);
  afterAll(async () => api.close());

  const get = (who: Member, path: string) =>
    api.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${who.token}`);

  it('the debtor and the balance of my own case: 200, with 5000.00 principal overdue', async () => {
    await get(users.wang, `/debtors/${mine.debtorId}`).expect(200);
    const balance = await get(
      users.wang,
      `/accounts/${mine.accountId}/balance?asOf=2026-03-11`,
    ).expect(200);
    expect(balance.body.overduePrincipal).toBe('5000.00');
  });

  it("another collector's debtor, account balance and ledger: 404", async () => {
    await get(users.wang, `/debtors/${theirs.debtorId}`).expect(404);
    await get(users.wang, `/accounts/${theirs.accountId}/balance`).expect(404);
    await get(users.wang, `/accounts/${theirs.accountId}/ledger`).expect(404);
  });

  it('a debtor with no case is invisible to collectors and visible to the manager', async () => {
    await get(users.wang, `/debtors/${uncased.debtorId}`).expect(404);
    await get(users.manager, `/debtors/${uncased.debtorId}`).expect(200);
    await get(users.manager, `/accounts/${uncased.accountId}/balance`).expect(200);
  });
});
