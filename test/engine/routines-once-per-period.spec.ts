import type { CollectionTestApi } from '../collection/support/collection-api';
import { Member, ownerQuery, packTenant, runNight } from '../packs/support/pack-scenario';

/**
 * 篇二 领导小组 duties as routines of the real student-loan pack: the deputy (副组长 →
 * supervisor) sorts the maturing loans every month on the 1st and summarises on the last
 * day; every member (→ field-collector) explains the loan policy each year on 05-15 (per role).
 * The tenant starts on 2026-03-01: February's routines are not back-filled.
 */
interface RoutineTask extends Record<string, unknown> {
  kind: string;
  title: string;
  role: string;
  assignee_id: string | null;
  due: string;
}

describe('routines (篇二): once per period from their date, per tenant or per role member', () => {
  let api: CollectionTestApi;
  let tenantId: string;
  let users: Record<'principal' | 'deputy' | 'm1' | 'm2', Member>;
  const routineTasks = () =>
    ownerQuery<RoutineTask>(
      api,
      `select kind, title, role, assignee_id,
              to_char(due_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as due
       from tasks where tenant_id = $1 and case_id is null order by due_at, title, assignee_id`,
      [tenantId],
    );

  beforeAll(async () => {
    ({ api, tenantId, users } = await packTenant('student-loan', '2026-03-01T02:00:00+08:00', {
      principal: ['manager'],
      deputy: ['supervisor'],
      m1: ['field-collector'],
      m2: ['field-collector'],
    }));
  }, 120_000);
  afterAll(async () => api?.close());

  it('03-01: the monthly sort of maturing loans, once, for the deputy at 08:00; the same night again adds nothing', async () => {
    expect(await runNight(api, tenantId, '2026-03-01')).toMatchObject({ routineTasksCreated: 1 });
    expect(await routineTasks()).toEqual([
      {
        kind: 'review',
        title: '整理、分类到期贷款信息',
        role: 'supervisor',
        assignee_id: null,
        due: '2026-03-01 08:00',
      },
    ]);
    expect(await runNight(api, tenantId, '2026-03-01')).toMatchObject({ routineTasksCreated: 0 });
    expect(await runNight(api, tenantId, '2026-03-02')).toMatchObject({ routineTasksCreated: 0 });
    expect(await routineTasks()).toHaveLength(1);
  });

  it('03-31 (last day): the monthly summary; 04-01: April’s sort — one each', async () => {
    expect(await runNight(api, tenantId, '2026-03-31')).toMatchObject({ routineTasksCreated: 1 });
    expect(await runNight(api, tenantId, '2026-04-01')).toMatchObject({ routineTasksCreated: 1 });
    expect((await routineTasks()).map((t) => [t.title, t.due])).toEqual([
      ['整理、分类到期贷款信息', '2026-03-01 08:00'],
      ['汇总催收资料', '2026-03-31 08:00'],
      ['整理、分类到期贷款信息', '2026-04-01 08:00'],
    ]);
  });

  it('05-16 (the run of 05-15 missed): the yearly policy talk catches up, one per member, assigned to each', async () => {
    const summary = await runNight(api, tenantId, '2026-05-16');
    // May's sort (missed 05-01, caught up) and the two members' policy talks.
    expect(summary.routineTasksCreated).toBe(3);
    const talks = (await routineTasks()).filter((t) => t.role === 'field-collector');
    expect(talks.map((t) => [t.assignee_id, t.due]).sort()).toEqual(
      [
        [users.m1.id, '2026-05-15 08:00'],
        [users.m2.id, '2026-05-15 08:00'],
      ].sort(),
    );
    expect(await runNight(api, tenantId, '2026-05-17')).toMatchObject({ routineTasksCreated: 0 });
  });
});
