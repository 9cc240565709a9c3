import { startCollectionApi, CollectionTestApi } from './support/collection-api';
import {
  assign,
  debtorWithOverdueAccount,
  Member,
  openCase,
  ownerQuery,
  tenantWithUsers,
} from './support/fixtures';

describe('篇八: a visit plan goes to the supervisor; only that role (or a manager) decides it, once', () => {
  let api: CollectionTestApi;
  let users: Record<'manager' | 'wang' | 'sup' | 'legal', Member>;
  let caseId: string;
  let approvalId: string;

  const decide = (who: Member, decision: string) =>
    api
      .http()
      .post(`/api/v1/approvals/${approvalId}/decision`)
      .set('Authorization', `Bearer ${who.token}`)
      .send({ decision, note: '同意, 带上对账单和到访回执单' });

  const pendingFor = async (who: Member) => {
    const response = await api
      .http()
      .get('/api/v1/approvals?status=pending')
      .set('Authorization', `Bearer ${who.token}`)
      .expect(200);
    return response.body.items.map((a: { id: string }) => a.id);
  };

  beforeAll(async () => {
    api = await startCollectionApi({ now: '2026-03-11T02:00:00Z' });
    const tenant = await tenantWithUsers(api, 'approvals', {
      manager: ['manager'],
      wang: ['field-collector'],
      sup: ['supervisor'],
      legal: ['legal'],
    });
    users = tenant.users;
    await api
      .http()
      .post('/api/v1/teams')
      .set('Authorization', `Bearer ${users.manager.token}`)
      .send({
        name: '外访一组',
        members: [
          { userId: users.sup.id, role: 'lead' },
          { userId: users.wang.id, role: 'member' },
        ],
      })
      .expect(201);
    const { debtorId } = await debtorWithOverdueAccount(api, tenant.tenantId, {
      name: '冯九',
      principal: '12000.00',
      dueOn: '2026-03-01',
      startDate: '2026-02-01',
    });
    caseId = await openCase(api, users.manager, debtorId);
    await assign(api, users.manager, caseId, users.wang);
    const requested = await api
      .http()
      .post(`/api/v1/cases/${caseId}/approvals`)
      .set('Authorization', `Bearer ${users.wang.token}`)
      .send({
        kind: 'visit-plan',
        payload: { visitOn: '2026-03-13', place: '客户经营地', staff: ['王', '法务'] },
      })
      .expect(201);
    expect(requested.body.approverRole).toBe('supervisor');
    approvalId = requested.body.id;
  }, 180_000);
  afterAll(async () => api.close());

  it("it waits in the supervisor's list (who sees the case through the team), not in legal's", async () => {
    expect(await pendingFor(users.sup)).toEqual([approvalId]);
    expect(await pendingFor(users.legal)).toEqual([]);
  });

  it('legal may not decide a visit plan (403); nothing changes', async () => {
    const response = await decide(users.legal, 'approved').expect(403);
    expect(response.body.detail).toBe('This visit-plan approval is decided by the supervisor role');
    const [row] = await ownerQuery(api, `select status from approvals where id = $1`, [approvalId]);
    expect(row.status).toBe('pending');
  });

  it('the supervisor approves it (200); deciding twice is refused (409), for the manager too', async () => {
    expect((await decide(users.sup, 'approved').expect(200)).body).toEqual({ status: 'approved' });
    await decide(users.sup, 'rejected').expect(409);
    await decide(users.manager, 'rejected').expect(409);
    const [row] = await ownerQuery(api, `select status, decided_by from approvals where id = $1`, [
      approvalId,
    ]);
    expect(row).toEqual({ status: 'approved', decided_by: users.sup.id });
    const events = await ownerQuery(
      api,
      `select before, after from event_log where type = 'ApprovalDecided' and aggregate_id = $1`,
      [caseId],
    );
    expect(events).toEqual([
      { before: { status: 'pending' }, after: { status: 'approved', decidedBy: users.sup.id } },
    ]);
    expect(await pendingFor(users.sup)).toEqual([]);
  });
});
