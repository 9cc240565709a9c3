import { startCollectionApi, CollectionTestApi } from './support/collection-api';
import {
  debtorWithOverdueAccount,
  Member,
  openCase,
  ownerQuery,
  pay,
  tenantWithUsers,
} from './support/fixtures';

describe('paused days do not count toward escalation: a case paused 10 days has effective DPD reduced by 10', () => {
  let api: CollectionTestApi;
  let users: Record<'manager', Member>;
  let caseId: string;

  const detail = () =>
    api
      .http()
      .get(`/api/v1/cases/${caseId}`)
      .set('Authorization', `Bearer ${users.manager.token}`)
      .expect(200);

  beforeAll(async () => {
    api = await startCollectionApi({ now: '2026-03-11T02:00:00Z' });
    const tenant = await tenantWithUsers(api, 'pause-dpd', { manager: ['manager'] });
    users = tenant.users;
    const { debtorId, accountId } = await debtorWithOverdueAccount(api, tenant.tenantId, {
      name: '孙八',
      principal: '5000.00',
      dueOn: '2026-03-01',
      startDate: '2026-02-01',
    });
    caseId = await openCase(api, users.manager, debtorId);
    await api
      .http()
      .post(`/api/v1/cases/${caseId}/pause`)
      .set('Authorization', `Bearer ${users.manager.token}`)
      .send({ reason: 'dispute', untilOn: '2026-03-20', notes: '客户对罚息计算有异议' })
      .expect(200);
    // Twenty days later a receipt refreshes the ledger's snapshot to 2026-03-31.
    api.clock.set('2026-03-31T02:00:00Z');
    await pay(api, tenant.tenantId, accountId, '2026-03-31', '100.00');
  }, 180_000);
  afterAll(async () => api.close());

  it('DPD 30 as of 2026-03-31 (due 03-01), paused 03-11…03-20 → effective DPD 20', async () => {
    const response = await detail();
    expect(response.body).toMatchObject({
      status: 'paused',
      dpd: 30,
      effectiveDpd: 20,
      amountDue: '4900.00',
      balanceAsOf: '2026-03-31',
      pausedUntil: '2026-03-20',
    });
    expect(response.body.pauses).toEqual([
      expect.objectContaining({
        reason: 'dispute',
        fromOn: '2026-03-11',
        untilOn: '2026-03-20',
        endedOn: null,
      }),
    ]);
  });

  it('pausing a paused case is refused (409)', async () => {
    await api
      .http()
      .post(`/api/v1/cases/${caseId}/pause`)
      .set('Authorization', `Bearer ${users.manager.token}`)
      .send({ reason: 'hardship', untilOn: '2026-04-30' })
      .expect(409);
  });

  it('resuming on 03-31 ends the pause that day and returns the case to open; the 10 days stay discounted', async () => {
    const resumed = await api
      .http()
      .post(`/api/v1/cases/${caseId}/resume`)
      .set('Authorization', `Bearer ${users.manager.token}`)
      .send({})
      .expect(200);
    expect(resumed.body).toEqual({ status: 'open' });
    const response = await detail();
    expect(response.body).toMatchObject({
      status: 'open',
      dpd: 30,
      effectiveDpd: 20,
      pausedUntil: null,
    });
    expect(response.body.pauses[0].endedOn).toBe('2026-03-31');
    const [event] = await ownerQuery(
      api,
      `select before->>'status' as before, after->>'status' as after from event_log
       where type = 'CaseResumed' and aggregate_id = $1`,
      [caseId],
    );
    expect(event).toEqual({ before: 'paused', after: 'open' });
  });
});
