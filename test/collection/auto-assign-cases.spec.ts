import { AutoAssignCases, AutoAssignCasesResult } from '../../libs/collection/src';
import type { Role } from '../../libs/core/src';
import { startCollectionApi, CollectionTestApi } from './support/collection-api';
import {
  assign,
  debtorWithOverdueAccount,
  Member,
  openCase,
  ownerQuery,
  tenantWithUsers,
} from './support/fixtures';

describe('自动分案 (AutoAssignCases): the pack rule over the supervisor’s unassigned pool', () => {
  let api: CollectionTestApi;
  let tenantId: string;
  let users: Record<'boss' | 'sup' | 'li' | 'wang' | 'zhao', Member>;
  let pool: string[];
  let teamId: string;

  const meta = (who: Member, roles: Role[]) => ({
    tenantId,
    actorId: who.id,
    roles,
    correlationId: `auto-${Math.random().toString(16).slice(2)}`,
  });
  const run = (preview: boolean, caseIds = pool) =>
    api.commands.execute<AutoAssignCases, AutoAssignCasesResult>(
      new AutoAssignCases(meta(users.sup, ['supervisor']), { caseIds, preview }),
    );
  const held = async () =>
    Object.fromEntries(
      (
        await ownerQuery<{ username: string; n: number }>(
          api,
          `select u.username, count(c.id)::int as n from users u
           left join cases c on c.tenant_id = u.tenant_id and c.assignee_id = u.id
           where u.tenant_id = $1 and u.username in ('li', 'wang', 'zhao')
           group by u.username`,
          [tenantId],
        )
      ).map((r) => [r.username, r.n]),
    );

  beforeAll(async () => {
    api = await startCollectionApi({ now: '2026-03-11T02:00:00Z' });
    const tenant = await tenantWithUsers(api, 'auto', {
      boss: ['manager'],
      sup: ['supervisor'],
      li: ['phone-collector'],
      wang: ['phone-collector'],
      zhao: ['phone-collector'],
    });
    tenantId = tenant.tenantId;
    users = tenant.users;
    const team = await api
      .http()
      .post('/api/v1/teams')
      .set('Authorization', `Bearer ${users.boss.token}`)
      .send({
        name: '电催一组',
        members: [
          { userId: users.sup.id, role: 'lead' },
          { userId: users.li.id, role: 'member' },
          { userId: users.wang.id, role: 'member' },
          { userId: users.zhao.id, role: 'member' },
        ],
      })
      .expect(201);
    teamId = team.body.id;
    const owe = async (name: string) =>
      (
        await debtorWithOverdueAccount(api, tenantId, {
          name,
          principal: '1000.00',
          dueOn: '2026-03-01',
          startDate: '2026-02-01',
        })
      ).debtorId;
    // zhao already holds 2 cases.
    for (const name of ['赵甲', '赵乙']) {
      await assign(api, users.boss, await openCase(api, users.boss, await owe(name)), users.zhao);
    }
    pool = [];
    for (let i = 1; i <= 30; i++) pool.push(await openCase(api, users.boss, await owe(`新案${i}`)));
  }, 300_000);
  afterAll(async () => api.close());

  it('preview: with no pack installed, round-robin without a cap places all 30 and writes nothing', async () => {
    const plan = await run(true);
    expect(plan).toMatchObject({ rule: 'round-robin', maxOpenCases: null, preview: true });
    expect(plan.assignments).toHaveLength(30);
    expect(plan.skipped).toEqual([]);
    expect(await held()).toEqual({ li: 0, wang: 0, zhao: 2 });
    const [row] = await ownerQuery<{ n: number }>(
      api,
      `select count(*)::int as n from case_assignments where tenant_id = $1`,
      [tenantId],
    );
    expect(row.n).toBe(2);
  });

  it('confirm: fewest open first, in turn → li 11, wang 11, zhao 8 more (10 in all), in the team', async () => {
    const done = await run(false);
    expect(done.assignments).toHaveLength(30);
    expect(await held()).toEqual({ li: 11, wang: 11, zhao: 10 });
    expect(done.loads.map((l) => [l.before, l.after])).toEqual([
      [0, 11],
      [0, 11],
      [2, 10],
    ]);
    const rows = await ownerQuery<{ n: number; teams: number }>(
      api,
      `select count(*)::int as n, count(*) filter (where team_id = $2)::int as teams
       from cases where tenant_id = $1 and id = any($3::uuid[])`,
      [tenantId, teamId, pool],
    );
    expect(rows[0]).toEqual({ n: 30, teams: 30 });
    const [events] = await ownerQuery<{ n: number }>(
      api,
      `select count(*)::int as n from event_log
       where tenant_id = $1 and type = 'CaseAssigned' and aggregate_id = any($2::text[])`,
      [tenantId, pool],
    );
    expect(events.n).toBe(30);
  });

  it('a second run finds them assigned: 30 skipped, nothing written', async () => {
    const again = await run(false);
    expect(again.assignments).toEqual([]);
    expect(again.skipped).toHaveLength(30);
    expect(again.skipped.every((s) => s.reason === 'not-unassigned')).toBe(true);
  });

  it('a collector may not auto-assign (403)', async () => {
    await expect(
      api.commands.execute(
        new AutoAssignCases(meta(users.li, ['phone-collector']), { caseIds: pool, preview: true }),
      ),
    ).rejects.toMatchObject({ status: 403 });
  });
});
