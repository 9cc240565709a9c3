import { startCollectionApi, CollectionTestApi } from './support/collection-api';
import {
  assign,
  debtorWithOverdueAccount,
  Member,
  openCase,
  ownerQuery,
  pay,
  tenantWithUsers,
} from './support/fixtures';

describe('a promise of 1,000.00 paid in full by its due date (600.00 + 400.00) is kept', () => {
  let api: CollectionTestApi;
  let users: Record<'manager' | 'wang', Member>;
  let caseId: string;
  let promiseId: string;

  beforeAll(async () => {
    api = await startCollectionApi({ now: '2026-03-05T02:00:00Z' });
    const tenant = await tenantWithUsers(api, 'promise-kept', {
      manager: ['manager'],
      wang: ['field-collector'],
    });
    users = tenant.users;
    const { debtorId, accountId } = await debtorWithOverdueAccount(api, tenant.tenantId, {
      name: '钱七',
      principal: '5000.00',
      dueOn: '2026-03-01',
      startDate: '2026-02-01',
    });
    caseId = await openCase(api, users.manager, debtorId);
    await assign(api, users.manager, caseId, users.wang);
    const promise = await api
      .http()
      .post(`/api/v1/cases/${caseId}/promises`)
      .set('Authorization', `Bearer ${users.wang.token}`)
      .send({ amount: '1000.00', dueOn: '2026-03-10' })
      .expect(201);
    promiseId = promise.body.id;
    api.clock.set('2026-03-09T02:00:00Z');
    await pay(api, tenant.tenantId, accountId, '2026-03-06', '600.00');
    await pay(api, tenant.tenantId, accountId, '2026-03-09', '400.00');
    api.clock.set('2026-03-11T02:00:00Z');
  }, 180_000);
  afterAll(async () => api.close());

  it('evaluation as of 2026-03-11 marks it kept with 1000.00 paid and emits PromiseKept, not PromiseBroken', async () => {
    const result = await api
      .http()
      .post('/api/v1/promises/evaluation')
      .set('Authorization', `Bearer ${users.manager.token}`)
      .send({ asOf: '2026-03-11' })
      .expect(200);
    expect(result.body).toEqual({ asOf: '2026-03-11', kept: 1, broken: 0 });
    const [promise] = await ownerQuery(
      api,
      `select status, paid_amount::text as paid, kept_at is not null as stamped from promises where id = $1`,
      [promiseId],
    );
    expect(promise).toEqual({ status: 'kept', paid: '1000.00', stamped: true });
    const types = await ownerQuery(
      api,
      `select type from event_log where aggregate_id = $1 and type like 'Promise%' order by seq`,
      [caseId],
    );
    expect(types.map((t) => t.type)).toEqual(['PromiseRecorded', 'PromiseKept']);
    const [caseRow] = await ownerQuery(api, `select status from cases where id = $1`, [caseId]);
    expect(caseRow.status).toBe('open');
  });
});
