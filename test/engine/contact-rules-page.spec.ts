import { MikroORM } from '@mikro-orm/postgresql';
import { SqlEntityManager } from '@mikro-orm/knex';
import type { CollectionTestApi } from '../collection/support/collection-api';
import {
  assign,
  debtorWithOverdueAccount,
  Member,
  openCase,
  tenantWithUsers,
} from '../collection/support/fixtures';
import { PackContactPolicy } from '../../libs/engine/src';
import { installPack, startEngineApi } from './support/engine-api';

/** A Shanghai wall time as an instant. */
const local = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);

/**
 * Issue 15 §1: a worklist page's contact rules are judged with one read of contact_attempts
 * (not one transaction a row), and LogContact asks the policy on its own connection.
 */
describe('contact rules for a whole page: one statement, and a contact logged on a pool of one', () => {
  let api: CollectionTestApi;
  let tenantId: string;
  let users: Record<'manager' | 'wang', Member>;
  const cases: { caseId: string; debtorId: string }[] = [];

  const bearer = () => `Bearer ${users.wang.token}`;
  const logCall = (caseId: string, at: Date) =>
    api
      .http()
      .post(`/api/v1/cases/${caseId}/contacts`)
      .set('Authorization', bearer())
      .send({ channel: 'call', party: 'debtor', outcomeCode: 'no-answer', attemptedAt: at });

  beforeAll(async () => {
    // Thursday 2026-03-12, 15:00 in Shanghai: inside the allowed hours.
    api = await startEngineApi('2026-03-12T07:00:00Z');
    const tenant = await tenantWithUsers(api, 'engine-contact-page', {
      manager: ['manager'],
      wang: ['phone-collector'],
    });
    tenantId = tenant.tenantId;
    users = tenant.users;
    await installPack(api, tenantId);
    for (const name of ['赵一', '钱二', '孙三', '李四']) {
      const { debtorId } = await debtorWithOverdueAccount(api, tenantId, {
        name,
        principal: '3000.00',
        dueOn: '2026-03-01',
        startDate: '2026-02-01',
      });
      const caseId = await openCase(api, users.manager, debtorId);
      await assign(api, users.manager, caseId, users.wang);
      await api
        .http()
        .post(`/api/v1/cases/${caseId}/tasks`)
        .set('Authorization', `Bearer ${users.manager.token}`)
        .send({ kind: 'call', dueAt: local('2026-03-12', '09:00'), assigneeId: users.wang.id })
        .expect(201);
      cases.push({ caseId, debtorId });
    }
    // The first debtor has had three calls today (the day's cap), the second one.
    for (const time of ['09:00', '10:00', '11:00'])
      expect((await logCall(cases[0]!.caseId, local('2026-03-12', time))).status).toBe(201);
    expect((await logCall(cases[1]!.caseId, local('2026-03-12', '09:30'))).status).toBe(201);
  }, 180_000);
  afterAll(async () => api?.close());

  it('the worklist reads contact_attempts once for the page, and each row answers as check() alone does', async () => {
    const execute = jest.spyOn(SqlEntityManager.prototype, 'execute');
    let worklist;
    try {
      worklist = await api
        .http()
        .get('/api/v1/worklist')
        .set('Authorization', bearer())
        .expect(200);
      const reads = execute.mock.calls.filter(([sql]) => String(sql).includes('contact_attempts'));
      expect(reads).toHaveLength(1);
    } finally {
      execute.mockRestore();
    }
    const calls = worklist.body.items.filter((item: { kind: string }) => item.kind === 'call');
    expect(calls).toHaveLength(cases.length);
    const policy = api.app.get(PackContactPolicy, { strict: false });
    for (const item of calls) {
      const { debtorId } = cases.find((c) => c.caseId === item.case.id)!;
      const alone = await policy.check({
        tenantId,
        caseId: item.case.id,
        debtorId,
        actorId: users.wang.id,
        channel: 'call',
        party: 'debtor',
        at: api.clock.now(),
      });
      const expected = alone.allowed
        ? { allowed: true }
        : { ...alone, nextAllowedAt: alone.nextAllowedAt?.toISOString() };
      expect(item.contact).toEqual(expected);
    }
    const refused = calls.filter(
      (item: { contact: { allowed: boolean } }) => !item.contact.allowed,
    );
    expect(refused.map((item: { case: { id: string } }) => item.case.id)).toEqual([
      cases[0]!.caseId,
    ]);
    expect(refused[0].contact.rule).toBe('contact.max-attempts-per-day');
  });

  it('a contact is logged without a second connection while the command holds one (a pool of one would do)', async () => {
    const em = api.app.get(MikroORM).em as unknown as SqlEntityManager;
    const client = em.getKnex().client as {
      pool: { numUsed(): number };
      acquireConnection(): Promise<unknown>;
    };
    // Each acquisition notes how many connections were already out: a nested one sees 1.
    const heldAtAcquire: number[] = [];
    const acquire = client.acquireConnection.bind(client);
    const spy = jest.spyOn(client, 'acquireConnection').mockImplementation(() => {
      heldAtAcquire.push(client.pool.numUsed());
      return acquire();
    });
    try {
      const logged = await logCall(cases[2]!.caseId, local('2026-03-12', '14:00'));
      expect(logged.status).toBe(201);
    } finally {
      spy.mockRestore();
    }
    expect(heldAtAcquire.length).toBeGreaterThan(0);
    expect(Math.max(...heldAtAcquire)).toBe(0);
  });
});
