import { randomBytes } from 'node:crypto';
import { MonitorSlas } from '../../../libs/collection/src';
import { CollectionTestApi, startCollectionApi } from './collection-api';
import {
  assign,
  debtorWithOverdueAccount,
  Member,
  openCase,
  ownerQuery,
  tenantWithUsers,
} from './fixtures';

export interface SlaScenario {
  readonly api: CollectionTestApi;
  readonly tenantId: string;
  readonly users: Record<'manager' | 'supA' | 'wang', Member>;
  readonly caseId: string;
  as(who: Member): {
    get(path: string): ReturnType<ReturnType<CollectionTestApi['http']>['get']>;
    post(path: string, body: object): ReturnType<ReturnType<CollectionTestApi['http']>['post']>;
  };
  /** A task created now (the clock) with an SLA in working hours; its id and sla_due_at. */
  task(kind: string, slaWorkingHours: number): Promise<{ id: string; slaDueAt: string }>;
  /** One monitor pass judging by `at`; the number of alerts it raised. */
  monitor(at: string): Promise<number>;
}

/**
 * 篇八's floor: a manager, supervisor A leading 电催A组 with collector 王 in it, and one
 * case assigned to 王. The clock starts at `now` (Asia/Shanghai tenant).
 */
export async function slaScenario(slug: string, now: string): Promise<SlaScenario> {
  const api = await startCollectionApi({ now });
  const tenant = await tenantWithUsers(api, slug, {
    manager: ['manager'],
    supA: ['supervisor'],
    wang: ['phone-collector'],
  });
  const users = tenant.users;
  const as = (who: Member) => ({
    get: (path: string) =>
      api.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${who.token}`),
    post: (path: string, body: object) =>
      api.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${who.token}`).send(body),
  });
  await as(users.manager)
    .post('/teams', {
      name: '电催A组',
      members: [
        { userId: users.supA.id, role: 'lead' },
        { userId: users.wang.id, role: 'member' },
      ],
    })
    .expect(201);
  const today = now.slice(0, 10);
  const { debtorId } = await debtorWithOverdueAccount(api, tenant.tenantId, {
    name: '蒋一',
    principal: '2000.00',
    dueOn: `${today.slice(0, 8)}01`,
    startDate: '2026-01-01',
  });
  const caseId = await openCase(api, users.manager, debtorId);
  await assign(api, users.manager, caseId, users.wang);
  return {
    api,
    tenantId: tenant.tenantId,
    users,
    caseId,
    as,
    async task(kind, slaWorkingHours) {
      const created = await as(users.manager)
        .post(`/cases/${caseId}/tasks`, {
          kind,
          dueAt: api.clock.now().toISOString(),
          slaWorkingHours,
        })
        .expect(201);
      const [row] = await ownerQuery<{ sla_due_at: Date }>(
        api,
        `select sla_due_at from tasks where id = $1`,
        [created.body.id],
      );
      return { id: created.body.id as string, slaDueAt: row.sla_due_at.toISOString() };
    },
    async monitor(at) {
      const result = await api.commands.execute(
        new MonitorSlas(
          {
            tenantId: tenant.tenantId,
            actorId: 'worker:sla-monitor',
            correlationId: `sla-${randomBytes(3).toString('hex')}`,
          },
          new Date(at),
        ),
      );
      return result.raised as number;
    },
  };
}
