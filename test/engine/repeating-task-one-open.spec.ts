import type { CollectionTestApi } from '../collection/support/collection-api';
import {
  debtorWithOverdueAccount,
  Member,
  openCase,
  ownerQuery,
  tenantWithUsers,
} from '../collection/support/fixtures';
import { evaluate, installPack, nightOf, startEngineApi } from './support/engine-api';
import { day, D0 } from './support/ladder-plan';

/**
 * Issue 11 §4: one open repeating task per case and kind. The test ladder's daily call
 * (days 1-3) no longer stacks: the second night rolls the open call forward and counts the
 * missed day; call tasks piled up before the change are merged into the one kept on the
 * next run (closed as 已合并, counted as misses) — no backfill needed.
 */
describe('a daily call series keeps one open task per case, counting missed days', () => {
  let api: CollectionTestApi;
  let tenantId: string;
  let users: Record<'manager', Member>;
  const cases: Record<'A' | 'B', string> = { A: '', B: '' };

  const calls = (caseId: string) =>
    ownerQuery<{
      status: string;
      missed_count: number;
      outcome_result: string | null;
      outcome_note: string | null;
      due_at: Date;
    }>(
      api,
      `select status, missed_count, outcome_result, outcome_note, due_at from tasks
       where case_id = $1 and kind = 'call' order by status desc, created_at`,
      [caseId],
    );

  const night = async (n: number) => {
    api.clock.set(nightOf(day(n)));
    const summary = await evaluate(api, tenantId, day(n));
    expect(summary.errors).toEqual([]);
  };

  beforeAll(async () => {
    api = await startEngineApi(nightOf(D0));
    const tenant = await tenantWithUsers(api, 'one-open-call', { manager: ['manager'] });
    tenantId = tenant.tenantId;
    users = tenant.users;
    await installPack(api, tenantId);
    for (const name of ['A', 'B'] as const) {
      const { debtorId } = await debtorWithOverdueAccount(api, tenantId, {
        name: `客户${name}`,
        principal: '5000.00',
        dueOn: D0,
        startDate: '2026-02-01',
      });
      cases[name] = await openCase(api, users.manager, debtorId);
    }
    await night(0);
    await night(1);
  }, 180_000);
  afterAll(async () => api?.close());

  it('day 1: each case has one open call task, missed 0', async () => {
    expect((await calls(cases.A)).map((c) => [c.status, c.missed_count])).toEqual([['open', 0]]);
  });

  it('day 2: A keeps that one task, rolled to day 2 with missed_count 1; B’s two piled-up calls are merged into the one kept (missed 1 + 2 = 3)', async () => {
    // Before this change a call a day stacked up: two more open engine calls on B.
    for (const n of [1, 2]) {
      await ownerQuery(
        api,
        `insert into tasks (tenant_id, id, case_id, kind, title, due_at, status, priority,
           idempotency_key, created_by, created_at)
         values ($1, gen_random_uuid(), $2, 'call', '电话催收', $3, 'open', 0, $4,
                 'engine:test-engine-ladder@1.0.0', $5)`,
        [tenantId, cases.B, nightOf(day(-n)), `old-pile-${n}`, nightOf(day(-n))],
      );
    }
    await night(2);
    const a = await calls(cases.A);
    expect(a.map((c) => [c.status, c.missed_count])).toEqual([['open', 1]]);
    expect(a[0].due_at.toISOString()).toBe(new Date(nightOf(day(2))).toISOString());
    const b = await calls(cases.B);
    expect(b.map((c) => [c.status, c.missed_count, c.outcome_result, c.outcome_note])).toEqual([
      ['open', 3, null, null],
      ['cancelled', 0, 'merged', '已合并'],
      ['cancelled', 0, 'merged', '已合并'],
    ]);
  });

  it('a second evaluation of day 2 changes nothing', async () => {
    const before = [...(await calls(cases.A)), ...(await calls(cases.B))];
    await night(2);
    expect([...(await calls(cases.A)), ...(await calls(cases.B))]).toEqual(before);
  });

  it('a 下次跟进日期 a person set later than the run keeps its date: A moved to day 10 09:00 on day 7 stays there on nights 8 and 9 (no miss), day 10 takes it over at 09:00, night 11 rolls it and counts the miss (0 → 1)', async () => {
    // Days 3-7 as the ladder runs them (day 4 leaves the call stage, day 7 calls again).
    for (const n of [3, 4, 5, 6, 7]) await night(n);
    const open = async () => {
      const rows = (await calls(cases.A)).filter((c) => c.status === 'open');
      return rows.map((c) => [c.due_at.toISOString(), c.missed_count]);
    };
    const [[day7Due, missed]] = (await open()) as [string, number][];
    expect(day7Due).toBe(new Date(nightOf(day(7))).toISOString());
    // Day 4 left the call stage (its task cancelled): day 7's call is a new task, missed 0.
    expect(missed).toBe(0);
    // Day 7, 10:00 in Shanghai: the collector logs a call and types 下次跟进 = day 10.
    api.clock.set(`${day(7)}T10:00:00+08:00`);
    const logged = await api
      .http()
      .post(`/api/v1/cases/${cases.A}/contacts`)
      .set('Authorization', `Bearer ${users.manager.token}`)
      .send({
        channel: 'call',
        party: 'debtor',
        outcomeCode: 'no-answer',
        notes: '本人未接，约定第十天再打',
        nextFollowUpOn: day(10),
      })
      .expect(201);
    expect(logged.body.followUp).toMatchObject({ on: day(10), moved: true });
    const followUp = new Date(`${day(10)}T09:00:00+08:00`).toISOString();
    expect(await open()).toEqual([[followUp, missed]]);
    // Nights 8 and 9 schedule the day's call: the task is not moved back, no miss counted.
    for (const n of [8, 9]) {
      await night(n);
      expect(await open()).toEqual([[followUp, missed]]);
    }
    // Day 10 is the person's day: the period takes the task over, still at 09:00, no miss.
    await night(10);
    expect(await open()).toEqual([[followUp, missed]]);
    // Day 10 passed undone: night 11 rolls it to day 11 and counts that miss.
    await night(11);
    expect(await open()).toEqual([[new Date(nightOf(day(11))).toISOString(), missed + 1]]);
  });
});
