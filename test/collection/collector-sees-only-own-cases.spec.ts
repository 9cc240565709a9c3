import { startCollectionApi, CollectionTestApi } from './support/collection-api';
import {
  assign,
  debtorWithOverdueAccount,
  Member,
  openCase,
  ownerQuery,
  tenantWithUsers,
} from './support/fixtures';

describe('篇八: a collector sees and acts only on the cases assigned to them', () => {
  let api: CollectionTestApi;
  let users: Record<'manager' | 'wang' | 'li' | 'auditor', Member>;
  let wangCase: string;
  let liCase: string;

  beforeAll(async () => {
    api = await startCollectionApi({ now: '2026-03-11T02:00:00Z' });
    const tenant = await tenantWithUsers(api, 'vis-microloan', {
      manager: ['manager'],
      wang: ['phone-collector'],
      li: ['phone-collector'],
      auditor: ['auditor'],
    });
    users = tenant.users;
    const a = await debtorWithOverdueAccount(api, tenant.tenantId, {
      name: '张三',
      principal: '5000.00',
      dueOn: '2026-03-01',
      startDate: '2026-02-01',
    });
    const b = await debtorWithOverdueAccount(api, tenant.tenantId, {
      name: '李四',
      principal: '8000.00',
      dueOn: '2026-03-01',
      startDate: '2026-02-01',
    });
    wangCase = await openCase(api, users.manager, a.debtorId);
    liCase = await openCase(api, users.manager, b.debtorId);
    await assign(api, users.manager, wangCase, users.wang);
    await assign(api, users.manager, liCase, users.li);
  }, 180_000);
  afterAll(async () => api.close());

  const get = (who: Member, path: string) =>
    api.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${who.token}`);

  it("GET another collector's case is 404, not 403, so case ids do not leak", async () => {
    await get(users.wang, `/cases/${wangCase}`).expect(200);
    const response = await get(users.wang, `/cases/${liCase}`).expect(404);
    expect(response.body.detail).toBe(`case ${liCase} was not found`);
  });

  it("POST a contact on another collector's case is 404 and leaves the case's rows unchanged", async () => {
    const before = await ownerQuery(
      api,
      `select version, status, updated_at from cases where id = $1`,
      [liCase],
    );
    const eventsBefore = await ownerQuery(
      api,
      `select count(*)::int as n from event_log where aggregate_id = $1`,
      [liCase],
    );
    await api
      .http()
      .post(`/api/v1/cases/${liCase}/contacts`)
      .set('Authorization', `Bearer ${users.wang.token}`)
      .send({ channel: 'call', party: 'debtor', outcomeCode: 'no-answer' })
      .expect(404);
    expect(
      await ownerQuery(api, `select version, status, updated_at from cases where id = $1`, [
        liCase,
      ]),
    ).toEqual(before);
    const contacts = await ownerQuery(
      api,
      `select count(*)::int as n from contact_attempts where case_id = $1`,
      [liCase],
    );
    expect(contacts[0].n).toBe(0);
    expect(
      await ownerQuery(api, `select count(*)::int as n from event_log where aggregate_id = $1`, [
        liCase,
      ]),
    ).toEqual(eventsBefore);
  });

  it('the case list shows a collector 1 case of 2; the manager and the auditor see both', async () => {
    const mine = await get(users.wang, '/cases').expect(200);
    expect(mine.body.items.map((c: { id: string }) => c.id)).toEqual([wangCase]);
    const all = await get(users.manager, '/cases').expect(200);
    expect(all.body.items).toHaveLength(2);
    const audited = await get(users.auditor, '/cases').expect(200);
    expect(audited.body.items).toHaveLength(2);
  });

  it('the auditor reads every case but may not log a contact (403)', async () => {
    await get(users.auditor, `/cases/${liCase}`).expect(200);
    await api
      .http()
      .post(`/api/v1/cases/${liCase}/contacts`)
      .set('Authorization', `Bearer ${users.auditor.token}`)
      .send({ channel: 'call', party: 'debtor', outcomeCode: 'no-answer' })
      .expect(403);
  });

  it('after a reassignment with a handover note the case follows the new collector', async () => {
    await assign(api, users.manager, liCase, users.wang, '李四案件交接给王: 客户承诺月底前还款');
    await get(users.wang, `/cases/${liCase}`).expect(200);
    await get(users.li, `/cases/${liCase}`).expect(404);
    const history = await ownerQuery(
      api,
      `select from_user_id, to_user_id, handover_note, ended_at is null as current
       from case_assignments where case_id = $1 order by assigned_at, current`,
      [liCase],
    );
    expect(history).toEqual([
      { from_user_id: null, to_user_id: users.li.id, handover_note: null, current: false },
      {
        from_user_id: users.li.id,
        to_user_id: users.wang.id,
        handover_note: '李四案件交接给王: 客户承诺月底前还款',
        current: true,
      },
    ]);
  });
});
