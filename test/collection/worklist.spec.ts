import { startCollectionApi, CollectionTestApi } from './support/collection-api';
import {
  assign,
  debtorWithOverdueAccount,
  Member,
  openCase,
  ownerQuery,
  tenantWithUsers,
} from './support/fixtures';

describe("the worklist lists my open tasks due today (tenant's day, Asia/Shanghai) and overdue, by priority, with the amount due", () => {
  let api: CollectionTestApi;
  let users: Record<'manager' | 'wang' | 'li', Member>;
  const ids: Record<string, string> = {};

  async function task(
    caseId: string,
    body: Record<string, unknown>,
  ): Promise<{ id: string; created: boolean }> {
    const response = await api
      .http()
      .post(`/api/v1/cases/${caseId}/tasks`)
      .set('Authorization', `Bearer ${users.manager.token}`)
      .send(body)
      .expect(201);
    return response.body;
  }

  const worklist = (who: Member, query = '') =>
    api
      .http()
      .get(`/api/v1/worklist${query}`)
      .set('Authorization', `Bearer ${who.token}`)
      .expect(200);

  beforeAll(async () => {
    // 2026-03-11 10:00 in Shanghai.
    api = await startCollectionApi({ now: '2026-03-11T02:00:00Z' });
    const tenant = await tenantWithUsers(api, 'worklist', {
      manager: ['manager'],
      wang: ['phone-collector'],
      li: ['phone-collector'],
    });
    users = tenant.users;
    const owe = (name: string, principal: string) =>
      debtorWithOverdueAccount(api, tenant.tenantId, {
        name,
        principal,
        dueOn: '2026-03-01',
        startDate: '2026-02-01',
      });
    const a = await openCase(api, users.manager, (await owe('周一', '5000.00')).debtorId);
    const b = await openCase(api, users.manager, (await owe('吴二', '8000.00')).debtorId);
    const c = await openCase(api, users.manager, (await owe('郑三', '3000.00')).debtorId);
    await assign(api, users.manager, a, users.wang);
    await assign(api, users.manager, b, users.wang);
    await assign(api, users.manager, c, users.li);
    Object.assign(ids, { a, b, c });
    ids.todayCall = (
      await task(a, { kind: 'call', dueAt: '2026-03-11T09:00:00+08:00', priority: 10 })
    ).id;
    ids.todayVisit = (
      await task(b, { kind: 'visit', dueAt: '2026-03-11T15:00:00+08:00', priority: 50 })
    ).id;
    ids.overdueLetter = (
      await task(a, { kind: 'letter', dueAt: '2026-03-10T11:00:00+08:00', priority: 10 })
    ).id;
    // 00:30 on the 12th in Shanghai is still the 11th in UTC: not today for this tenant.
    ids.tomorrow = (
      await task(b, { kind: 'call', dueAt: '2026-03-11T16:30:00Z', priority: 90 })
    ).id;
    ids.done = (
      await task(a, { kind: 'review', dueAt: '2026-03-11T08:00:00+08:00', priority: 99 })
    ).id;
    ids.lis = (
      await task(c, { kind: 'call', dueAt: '2026-03-11T09:00:00+08:00', priority: 70 })
    ).id;
    await api
      .http()
      .post(`/api/v1/tasks/${ids.done}/complete`)
      .set('Authorization', `Bearer ${users.wang.token}`)
      .send({ status: 'done', note: '已核对' })
      .expect(200);
  }, 180_000);
  afterAll(async () => api.close());

  it("lists wang's 3 tasks: visit (priority 50, 8000.00 due), then the overdue letter and today's call (priority 10, 5000.00)", async () => {
    const response = await worklist(users.wang);
    expect(response.body.items.map((i: { taskId: string }) => i.taskId)).toEqual([
      ids.todayVisit,
      ids.overdueLetter,
      ids.todayCall,
    ]);
    expect(response.body.items[0]).toEqual({
      taskId: ids.todayVisit,
      kind: 'visit',
      title: null,
      dueAt: '2026-03-11T07:00:00.000Z',
      slaDueAt: null,
      priority: 50,
      missedCount: 0,
      overdue: false,
      role: null,
      assigneeId: users.wang.id,
      case: { id: ids.b, status: 'open', debtorName: '吴二', dpd: 10, amountDue: '8000.00' },
      // A visit contacts the debtor: offered with the contact rules' answer for now.
      contact: { allowed: true },
    });
    expect(response.body.items[1]).toMatchObject({
      overdue: true,
      case: { amountDue: '5000.00', dpd: 10 },
    });
    expect(response.body.nextCursor).toBeNull();
    // The count across every page, by the same filters: 3 tasks, the letter overdue.
    expect(response.body.total).toBe(3);
    expect(response.body.overdueTotal).toBe(1);
  });

  it('pages with an opaque cursor: 2 then 1, each page with the total of 3', async () => {
    const first = await worklist(users.wang, '?limit=2');
    expect(first.body.items.map((i: { taskId: string }) => i.taskId)).toEqual([
      ids.todayVisit,
      ids.overdueLetter,
    ]);
    const second = await worklist(users.wang, `?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((i: { taskId: string }) => i.taskId)).toEqual([ids.todayCall]);
    expect(second.body.nextCursor).toBeNull();
    expect([first.body.total, second.body.total]).toEqual([3, 3]);
    await api
      .http()
      .get('/api/v1/worklist?cursor=bm90LWEtY3Vyc29y')
      .set('Authorization', `Bearer ${users.wang.token}`)
      .expect(400);
  });

  it("li sees only li's task", async () => {
    const response = await worklist(users.li);
    expect(response.body.items.map((i: { taskId: string }) => i.taskId)).toEqual([ids.lis]);
  });

  it('a rule firing twice with one idempotency key creates one task', async () => {
    const body = {
      kind: 'call',
      dueAt: '2026-03-11T14:00:00+08:00',
      idempotencyKey: `stage:daily-calls:${ids.a}:2026-03-11`,
    };
    const first = await task(ids.a, body);
    const second = await task(ids.a, body);
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });
    const [row] = await ownerQuery(
      api,
      `select count(*)::int as n from tasks where idempotency_key = $1`,
      [body.idempotencyKey],
    );
    expect(row.n).toBe(1);
  });
});
