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

describe('a promise of 1,000.00 due 2026-03-10 with only 400.00 paid by then is broken as of 2026-03-11', () => {
  let api: CollectionTestApi;
  let users: Record<'manager' | 'wang', Member>;
  let caseId: string;
  let promiseId: string;

  const evaluate = (asOf: string) =>
    api
      .http()
      .post('/api/v1/promises/evaluation')
      .set('Authorization', `Bearer ${users.manager.token}`)
      .send({ asOf })
      .expect(200);

  beforeAll(async () => {
    api = await startCollectionApi({ now: '2026-03-05T02:00:00Z' });
    const tenant = await tenantWithUsers(api, 'promise-broken', {
      manager: ['manager'],
      wang: ['phone-collector'],
    });
    users = tenant.users;
    const { debtorId, accountId } = await debtorWithOverdueAccount(api, tenant.tenantId, {
      name: '赵六',
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
    api.clock.set('2026-03-08T02:00:00Z');
    await pay(api, tenant.tenantId, accountId, '2026-03-08', '400.00');
    // Paid a day late: it does not keep a promise that fell due on the 10th.
    api.clock.set('2026-03-11T02:00:00Z');
    await pay(api, tenant.tenantId, accountId, '2026-03-11', '600.00');
  }, 180_000);
  afterAll(async () => api.close());

  it('recording the promise moves the case from open to promised', async () => {
    const [row] = await ownerQuery(api, `select status from cases where id = $1`, [caseId]);
    expect(row.status).toBe('promised');
  });

  it('as of 2026-03-10 (due date not past) the promise stays pending', async () => {
    const result = await evaluate('2026-03-10');
    expect(result.body).toEqual({ asOf: '2026-03-10', kept: 0, broken: 0 });
  });

  it('as of 2026-03-11 it is broken with 400.00 paid, the case is open again, PromiseBroken is logged and in the outbox', async () => {
    const result = await evaluate('2026-03-11');
    expect(result.body).toEqual({ asOf: '2026-03-11', kept: 0, broken: 1 });
    const [promise] = await ownerQuery(
      api,
      `select status, paid_amount::text as paid, evaluated_as_of::text as as_of, broken_at is not null as stamped
       from promises where id = $1`,
      [promiseId],
    );
    expect(promise).toEqual({
      status: 'broken',
      paid: '400.00',
      as_of: '2026-03-11',
      stamped: true,
    });
    const [caseRow] = await ownerQuery(api, `select status from cases where id = $1`, [caseId]);
    expect(caseRow.status).toBe('open');

    const events = await ownerQuery(
      api,
      `select id, payload, before, after from event_log where type = 'PromiseBroken' and aggregate_id = $1`,
      [caseId],
    );
    expect(events).toHaveLength(1);
    expect(events[0].payload).toEqual({
      promiseId,
      amount: '1000.00',
      promisedOn: '2026-03-05',
      dueOn: '2026-03-10',
      paid: '400.00',
      asOf: '2026-03-11',
    });
    expect(events[0].before).toEqual({ status: 'pending' });
    expect(events[0].after).toEqual({ status: 'broken', paidAmount: '400.00' });
    const outbox = await ownerQuery(
      api,
      `select topic, payload->>'type' as type from outbox where event_id = $1`,
      [events[0].id],
    );
    expect(outbox).toEqual([{ topic: 'domain-events', type: 'PromiseBroken' }]);
  });

  it('evaluating the same day again changes nothing (idempotent)', async () => {
    const result = await evaluate('2026-03-11');
    expect(result.body).toEqual({ asOf: '2026-03-11', kept: 0, broken: 0 });
    const [count] = await ownerQuery(
      api,
      `select count(*)::int as n from event_log where type = 'PromiseBroken'`,
    );
    expect(count.n).toBe(1);
  });

  it('the case timeline shows the broken promise', async () => {
    const detail = await api
      .http()
      .get(`/api/v1/cases/${caseId}`)
      .set('Authorization', `Bearer ${users.wang.token}`)
      .expect(200);
    const promise = detail.body.timeline.find((e: { kind: string }) => e.kind === 'promise');
    expect(promise).toMatchObject({
      type: 'broken',
      data: { amount: '1000.00', paidAmount: '400.00' },
    });
    expect(detail.body.timeline.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['CaseOpened', 'CaseAssigned', 'PromiseBroken', 'CaseStatusChanged']),
    );
  });
});
