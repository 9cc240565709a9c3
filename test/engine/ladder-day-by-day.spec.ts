import type { CollectionTestApi } from '../collection/support/collection-api';
import {
  assign,
  debtorWithOverdueAccount,
  Member,
  openCase,
  ownerQuery,
  pay,
  tenantWithUsers,
} from '../collection/support/fixtures';
import { evaluate, installPack, nightOf, rowCounts, startEngineApi } from './support/engine-api';
import {
  createdByCase,
  day,
  D0,
  expectedBy,
  range,
  stageOf as stageAt,
} from './support/ladder-plan';

describe('the ladder of 篇六 driven day by day for 30 days over a portfolio of 5 cases', () => {
  let api: CollectionTestApi;
  let tenantId: string;
  let users: Record<'manager' | 'am' | 'wang', Member>;
  const cases: Record<string, string> = {};
  const accounts: Record<string, string> = {};

  const open = async (name: string, dueOn: string, startDate: string) => {
    const { debtorId, accountId } = await debtorWithOverdueAccount(api, tenantId, {
      name: `客户${name}`,
      principal: '5000.00',
      dueOn,
      startDate,
    });
    accounts[name] = accountId;
    cases[name] = await openCase(api, users.manager, debtorId);
  };

  /** Evaluates day n; then again, which must change no row at all. */
  const runDay = async (n: number, before?: () => Promise<void>) => {
    api.clock.set(nightOf(day(n)));
    if (before) await before();
    const first = await evaluate(api, tenantId, day(n));
    expect(first.errors).toEqual([]);
    expect(first.noticeFailures).toEqual([]);
    const counts = await rowCounts(api, tenantId);
    const again = await evaluate(api, tenantId, day(n));
    expect({ day: n, ...(await rowCounts(api, tenantId)) }).toEqual({ day: n, ...counts });
    expect(again).toMatchObject({
      stageChanges: 0,
      tasksCreated: 0,
      approvalsRequested: 0,
      noticesIssued: 0,
    });
    expect({ day: n, ...(await createdByCase(api, tenantId, cases)) }).toEqual({
      day: n,
      ...expectedBy(n),
    });
    return first;
  };

  const stageOf = (name: string) => stageAt(api, cases[name]);

  beforeAll(async () => {
    api = await startEngineApi(nightOf(D0));
    const tenant = await tenantWithUsers(api, 'engine-ladder', {
      manager: ['manager'],
      am: ['field-collector'],
      wang: ['phone-collector'],
    });
    tenantId = tenant.tenantId;
    users = tenant.users;
    await installPack(api, tenantId);
    for (const name of ['A', 'B', 'C']) await open(name, D0, '2026-02-01');
    await open('E', day(-88), '2025-11-01');
    await assign(api, users.manager, cases.A, users.am);
  }, 120_000);
  afterAll(async () => api?.close());

  it('day 0: A, B, C get a visit due the same day, SLA 2 working hours (11:00); E imported at DPD 88 gets only the notice and a call', async () => {
    const summary = await runDay(0);
    const counts = { evaluated: 4, stageChanges: 4, tasksCreated: 4, noticesIssued: 1 };
    expect(summary).toMatchObject(counts);
    expect(summary.stageCounts).toEqual({ 'first-visit': 3, 'demand-letter': 1 });
    const sql = `select due_at, sla_due_at, assignee_id, title from tasks where case_id = $1`;
    expect(await ownerQuery(api, sql, [cases.A])).toEqual([
      {
        due_at: new Date('2026-03-01T18:00:00.000Z'), // 02:00 local on day 0
        sla_due_at: new Date('2026-03-02T03:00:00.000Z'), // 11:00 local
        assignee_id: users.am.id, // the account manager is a field collector
        title: '外访（逾期当日外访）',
      },
    ]);
    expect(await stageOf('E')).toBe('demand-letter');
  });

  it('days 1-2: one call a day for A, B and C; C is paused from day 2 and gets none', async () => {
    await runDay(1);
    await runDay(2, async () => {
      // C is paused for 5 days, days 2-6, before the night's run.
      await api
        .http()
        .post(`/api/v1/cases/${cases.C}/pause`)
        .set('Authorization', `Bearer ${users.manager.token}`)
        .send({ reason: 'dispute', untilOn: day(6) })
        .expect(200);
    });
  });

  it('day 2 (re-run after a payment): B paid in full leaves the ladder and its pending call task is cancelled', async () => {
    await pay(api, tenantId, accounts.B, day(2), '5000.00');
    const summary = await evaluate(api, tenantId, day(2));
    expect(summary.moves).toEqual([
      { caseId: cases.B, from: 'daily-calls', to: null, reason: 'cleared' },
    ]);
    // The day-0 visit and the one call task, rolled from day 1 to day 2 (one missed day).
    expect(summary.tasksCancelled).toBe(2);
    const tasks = await ownerQuery<{ kind: string; status: string; missed_count: number }>(
      api,
      `select kind, status, missed_count from tasks where case_id = $1 order by due_at`,
      [cases.B],
    );
    expect(tasks).toEqual([
      { kind: 'visit', status: 'cancelled', missed_count: 0 },
      { kind: 'call', status: 'cancelled', missed_count: 1 },
    ]);
    expect(await stageOf('B')).toBeNull();
  });

  it('day 2: E reaches DPD 90 — one legal-referral approval for the legal role; its daily call goes on (until paid)', async () => {
    const approvals = await ownerQuery<{ kind: string; approver_role: string; status: string }>(
      api,
      `select kind, approver_role, status from approvals where case_id = $1`,
      [cases.E],
    );
    expect(approvals).toEqual([
      { kind: 'legal-referral', approver_role: 'legal', status: 'pending' },
    ]);
    expect(await stageOf('E')).toBe('legal');
  });

  it('day 3: by day 3 one open call task for A, rolled forward twice (missed 2), due with a 1-working-day SLA (17:30 day 3)', async () => {
    await runDay(3);
    const calls = await ownerQuery<{ sla_due_at: Date; missed_count: number; status: string }>(
      api,
      `select sla_due_at, missed_count, status from tasks where case_id = $1 and kind = 'call'`,
      [cases.A],
    );
    expect(calls.map((c) => [c.status, c.missed_count, c.sla_due_at.toISOString()])).toEqual([
      ['open', 2, '2026-03-05T09:30:00.000Z'],
    ]);
  });

  it('day 4: A gets a visit and a guarantor contact; its open daily calls are cancelled on leaving daily-calls', async () => {
    for (const n of [4, 5, 6]) await runDay(n);
    const open = await ownerQuery<{ n: number }>(
      api,
      `select count(*)::int as n from tasks where case_id = $1 and kind = 'call' and status = 'open'`,
      [cases.A],
    );
    expect(open[0].n).toBe(0);
    expect(await stageOf('A')).toBe('guarantor');
    expect(await stageOf('C')).toBe('daily-calls'); // paused: effective DPD stays at 1
  });

  it("day 7: exactly one notice — A's overdue notice, rendered from the pinned template with its 10-day rule", async () => {
    const summary = await runDay(7);
    expect(summary.noticesIssued).toBe(1);
    const notices = await ownerQuery<{
      template_id: string;
      pack_version: string;
      rendered_html: string;
      idempotency_key: string;
    }>(
      api,
      `select template_id, pack_version, rendered_html, idempotency_key from notices where case_id = $1`,
      [cases.A],
    );
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      template_id: 'test-engine-ladder/overdue-demand',
      pack_version: '1.0.0',
      idempotency_key: `${tenantId}:${cases.A}:demand-letter:0:${day(7)}`,
    });
    expect(notices[0].rendered_html).toContain(
      '已逾期 7 天，逾期金额人民币 5000.00 元（大写：伍仟元整）',
    );
    expect(await stageOf('C')).toBe('daily-calls');
  });

  it('day 10: D imported at DPD 40 lands in demand-letter (caught up) without back-firing visits, calls of days 1-3 or the guarantor', async () => {
    await runDay(8);
    await runDay(9);
    const summary = await runDay(10, async () => {
      await open('D', day(-30), '2026-01-01');
    });
    expect(summary.moves).toContainEqual({
      caseId: cases.D,
      from: null,
      to: 'demand-letter',
      reason: 'caught-up',
    });
    const kinds = await ownerQuery<{ kind: string }>(
      api,
      `select kind from tasks where case_id = $1`,
      [cases.D],
    );
    expect(kinds).toEqual([{ kind: 'call' }]);
  });

  it('paused days do not count: C, paused 5 days, reaches the day-7 stage on day 12, 5 days after A', async () => {
    await runDay(11);
    expect(await stageOf('C')).toBe('guarantor');
    await runDay(12);
    expect(await stageOf('C')).toBe('demand-letter');
    // Saturday 2026-03-14 (day 12): A's call, rolled to day 12, has its working day ends Monday 03-16 at 17:30.
    const [saturday] = await ownerQuery<{ sla_due_at: Date }>(
      api,
      `select sla_due_at from tasks where idempotency_key = $1`,
      [`${tenantId}:${cases.A}:demand-letter:1:${day(12)}`],
    );
    expect(saturday.sla_due_at.toISOString()).toBe('2026-03-16T09:30:00.000Z');
    const [history] = await ownerQuery<{ as_of: string; effective_dpd: number }>(
      api,
      `select as_of::text, effective_dpd from case_stage_history where case_id = $1 and to_stage = 'demand-letter'`,
      [cases.C],
    );
    expect(history).toEqual({ as_of: day(12), effective_dpd: 7 });
  });

  it('days 13-30: a call a day until paid — 103 calls (rows rolled forward), 5 visits, 2 guarantor contacts, 4 notices, 1 approval in all', async () => {
    for (const n of range(13, 30)) await runDay(n);
    const [totals] = await ownerQuery<Record<string, number>>(
      api,
      `select coalesce(sum(1 + missed_count) filter (where kind = 'call'), 0)::int as calls,
              count(*) filter (where kind = 'visit')::int as visits,
              count(*) filter (where kind = 'contact-guarantor')::int as guarantor,
              (select count(*)::int from notices where tenant_id = $1) as notices,
              (select count(*)::int from approvals where tenant_id = $1) as approvals
       from tasks where tenant_id = $1`,
      [tenantId],
    );
    expect(totals).toEqual({ calls: 103, visits: 5, guarantor: 2, notices: 4, approvals: 1 });
  });

  it('GET /cases/{id}/stage-history: A moved 0 → 1 → 4 → 7 under test-engine-ladder@1.0.0; a collector sees only their own cases', async () => {
    const response = await api
      .http()
      .get(`/api/v1/cases/${cases.A}/stage-history`)
      .set('Authorization', `Bearer ${users.am.token}`)
      .expect(200);
    expect(response.body).toMatchObject({
      caseId: cases.A,
      stage: 'demand-letter',
      packVersion: '1.0.0',
    });
    expect(
      response.body.history.map((h: Record<string, unknown>) => [
        h.from,
        h.to,
        h.asOf,
        h.reason,
        h.pack,
      ]),
    ).toEqual([
      [null, 'first-visit', day(0), 'entered', 'test-engine-ladder@1.0.0'],
      ['first-visit', 'daily-calls', day(1), 'escalated', 'test-engine-ladder@1.0.0'],
      ['daily-calls', 'guarantor', day(4), 'escalated', 'test-engine-ladder@1.0.0'],
      ['guarantor', 'demand-letter', day(7), 'escalated', 'test-engine-ladder@1.0.0'],
    ]);
    await api
      .http()
      .get(`/api/v1/cases/${cases.B}/stage-history`)
      .set('Authorization', `Bearer ${users.am.token}`)
      .expect(404);
  });

  it('POST /engine/evaluate: a manager re-runs day 30 and nothing changes; a collector is refused (403)', async () => {
    const before = await rowCounts(api, tenantId);
    const post = (m: Member) =>
      api
        .http()
        .post('/api/v1/engine/evaluate')
        .set('Authorization', `Bearer ${m.token}`)
        .send({ asOf: day(30) });
    expect((await post(users.manager).expect(200)).body).toMatchObject({
      asOf: day(30),
      pack: 'test-engine-ladder@1.0.0',
      evaluated: 5,
      stageChanges: 0,
      tasksCreated: 0,
      stageCounts: { '(none)': 1, 'demand-letter': 3, legal: 1 },
    });
    expect(await rowCounts(api, tenantId)).toEqual(before);
    await post(users.wang).expect(403);
  });
});
