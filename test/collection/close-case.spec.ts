import { startCollectionApi, CollectionTestApi } from './support/collection-api';
import {
  debtorWithOverdueAccount,
  Member,
  openCase,
  ownerQuery,
  tenantWithUsers,
} from './support/fixtures';

describe('closing a case: a write-off needs an approved write-off (finance); closing cancels open tasks', () => {
  let api: CollectionTestApi;
  let users: Record<'manager' | 'finance', Member>;
  let caseId: string;

  const close = (outcome: string) =>
    api
      .http()
      .post(`/api/v1/cases/${caseId}/close`)
      .set('Authorization', `Bearer ${users.manager.token}`)
      .send({ outcome, reason: '债务人下落不明, 核销' });

  beforeAll(async () => {
    api = await startCollectionApi({ now: '2026-09-30T02:00:00Z' });
    const tenant = await tenantWithUsers(api, 'close-case', {
      manager: ['manager'],
      finance: ['finance'],
    });
    users = tenant.users;
    const { debtorId } = await debtorWithOverdueAccount(api, tenant.tenantId, {
      name: '韩十三',
      principal: '3000.00',
      dueOn: '2026-03-01',
      startDate: '2026-02-01',
    });
    caseId = await openCase(api, users.manager, debtorId);
    await api
      .http()
      .post(`/api/v1/cases/${caseId}/tasks`)
      .set('Authorization', `Bearer ${users.manager.token}`)
      .send({ kind: 'call', dueAt: '2026-09-30T09:00:00+08:00' })
      .expect(201);
  }, 180_000);
  afterAll(async () => api.close());

  it('written-off without approval → 422; after finance approves → 200, closed today, 1 task cancelled; again → 409', async () => {
    const refused = await close('written-off').expect(422);
    expect(refused.body.type).toBe('urn:qingshou:problem:write-off-approval-required');
    const request = await api
      .http()
      .post(`/api/v1/cases/${caseId}/approvals`)
      .set('Authorization', `Bearer ${users.manager.token}`)
      .send({ kind: 'write-off', payload: { amount: '3000.00' } })
      .expect(201);
    expect(request.body.approverRole).toBe('finance');
    await api
      .http()
      .post(`/api/v1/approvals/${request.body.id}/decision`)
      .set('Authorization', `Bearer ${users.finance.token}`)
      .send({ decision: 'approved' })
      .expect(200);
    const closed = await close('written-off').expect(200);
    expect(closed.body).toEqual({
      status: 'written-off',
      closedOn: '2026-09-30',
      tasksCancelled: 1,
    });
    const tasks = await ownerQuery(api, `select status from tasks where case_id = $1`, [caseId]);
    expect(tasks).toEqual([{ status: 'cancelled' }]);
    await close('closed').expect(409);
  });
});
