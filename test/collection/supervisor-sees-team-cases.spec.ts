import { startCollectionApi, CollectionTestApi } from './support/collection-api';
import { debtorWithOverdueAccount, Member, openCase, tenantWithUsers } from './support/fixtures';

describe("篇八: a supervisor sees and distributes their own team's cases only", () => {
  let api: CollectionTestApi;
  let users: Record<'manager' | 'supA' | 'supB' | 'wang' | 'li', Member>;
  let caseA: string;
  let caseB: string;
  let pool: string[];

  const as = (who: Member) => ({
    get: (path: string) =>
      api.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${who.token}`),
    post: (path: string, body: object) =>
      api.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${who.token}`).send(body),
  });

  beforeAll(async () => {
    api = await startCollectionApi({ now: '2026-03-11T02:00:00Z' });
    const tenant = await tenantWithUsers(api, 'teams', {
      manager: ['manager'],
      supA: ['supervisor'],
      supB: ['supervisor'],
      wang: ['phone-collector'],
      li: ['phone-collector'],
    });
    users = tenant.users;
    const team = (name: string, lead: Member, member: Member) =>
      as(users.manager)
        .post('/teams', {
          name,
          members: [
            { userId: lead.id, role: 'lead' },
            { userId: member.id, role: 'member' },
          ],
        })
        .expect(201);
    await team('电催A组', users.supA, users.wang);
    await team('电催B组', users.supB, users.li);
    const owe = async (name: string) =>
      (
        await debtorWithOverdueAccount(api, tenant.tenantId, {
          name,
          principal: '2000.00',
          dueOn: '2026-03-01',
          startDate: '2026-02-01',
        })
      ).debtorId;
    caseA = await openCase(api, users.manager, await owe('蒋一'));
    caseB = await openCase(api, users.manager, await owe('沈二'));
    // Three new cases nobody holds yet (no assignee, no team), as an import leaves them.
    pool = [];
    for (const name of ['韩三', '杨四', '朱五'])
      pool.push(await openCase(api, users.manager, await owe(name)));
  }, 180_000);
  afterAll(async () => api.close());

  it('supervisor A assigns an unassigned case to wang (team A: 200) but not to li of team B (403)', async () => {
    // The manager sees everything; an unassigned case has no team yet, so route it to A first.
    await as(users.manager)
      .post(`/cases/${caseA}/assign`, { assigneeId: users.supA.id })
      .expect(200);
    await as(users.supA)
      .post(`/cases/${caseA}/assign`, { assigneeId: users.wang.id, handoverNote: '分给王' })
      .expect(200);
    await as(users.manager).post(`/cases/${caseB}/assign`, { assigneeId: users.li.id }).expect(200);
    const response = await as(users.supA)
      .post(`/cases/${caseA}/assign`, { assigneeId: users.li.id, handoverNote: '转李' })
      .expect(403);
    expect(response.body.detail).toBe('A supervisor assigns cases only within their own teams');
  });

  it("supervisor A sees team A's case and the 3 unassigned ones, and gets 404 for team B's", async () => {
    await as(users.supA).get(`/cases/${caseA}`).expect(200);
    await as(users.supA).get(`/cases/${caseB}`).expect(404);
    const list = await as(users.supA).get('/cases').expect(200);
    const ids = list.body.items.map((c: { id: string }) => c.id);
    expect([...ids].sort()).toEqual([caseA, ...pool].sort());
  });

  it('the unassigned pool (no assignee, no team) is both supervisors’ to assign: 3 each', async () => {
    for (const sup of [users.supA, users.supB]) {
      const list = await as(sup).get('/cases').expect(200);
      const ids = list.body.items.map((c: { id: string }) => c.id);
      expect(ids.filter((id: string) => pool.includes(id))).toHaveLength(3);
    }
    await as(users.supB).post(`/cases/${pool[0]}/assign`, { assigneeId: users.li.id }).expect(200);
    // Once in team B, the case leaves A's view.
    await as(users.supA).get(`/cases/${pool[0]}`).expect(404);
    await as(users.wang).get(`/cases/${pool[1]}`).expect(404);
  });

  it('a collector may not assign cases at all (403)', async () => {
    await as(users.wang).post(`/cases/${caseA}/assign`, { assigneeId: users.wang.id }).expect(403);
  });
});
