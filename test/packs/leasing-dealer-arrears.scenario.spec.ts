import { addDays } from '../../libs/calendar/src';
import { EvaluateFlags } from '../../libs/outcomes/src';
import type { CollectionTestApi } from '../collection/support/collection-api';
import { startEngineWorker } from '../engine/support/engine-worker';
import {
  bearer,
  loan,
  Member,
  meta,
  nightOf,
  noticeHtml,
  noticesOf,
  openCase,
  ownerQuery,
  packTenant,
  pay,
  periodsOf,
  plain,
  repeatingOf,
  runNight,
  tasksOf,
} from './support/pack-scenario';

/**
 * 篇一/篇五 with the real policies/leasing-dealer-arrears pack: "停止供货" while a dealer is past
 * due, the 对账单 with a reply slip, the 催款函 and the visit at 30 days, and the
 * 最后催收通知单 by registered mail at 60 days — "10天期限将以贵方签收信函当天开始计算…拒绝签收…
 * 以发出信函日期顺延3天开始计算". Day 0 is Monday 2026-03-02; each dealer owes one receivable.
 */
const D0 = '2026-03-02';
const day = (n: number) => addDays(D0, n);

describe('leasing-dealer-arrears (篇一/篇五): credit hold, statement, final notice deadline', () => {
  let api: CollectionTestApi;
  let tenantId: string;
  let users: Record<'boss' | 'sales', Member>;
  const ids: Record<string, { debtorId: string; accountId: string; caseId: string }> = {};

  const night = (n: number) => runNight(api, tenantId, day(n));
  const flags = async (n: number) =>
    (await api.commands.execute(new EvaluateFlags(meta(tenantId), day(n)))).flags[0];
  const holds = () =>
    ownerQuery<{ debtor_id: string; set_on: string; cleared_on: string | null }>(
      api,
      `select subject_id as debtor_id, set_on::text as set_on, cleared_on::text as cleared_on
       from pack_flags where tenant_id = $1 and flag = 'credit-hold' order by set_on, subject_id`,
      [tenantId],
    );
  /** Finance reconciles the receivables: the held letters are released by the worker. */
  const reconcile = async () => {
    const worker = await startEngineWorker(api);
    try {
      const pending = await ownerQuery<{ id: string }>(
        api,
        `select id from approvals where tenant_id = $1 and kind = 'ar-reconciliation' and status = 'pending'`,
        [tenantId],
      );
      for (const { id } of pending)
        await api
          .http()
          .post(`/api/v1/approvals/${id}/decision`)
          .set(bearer(users.boss.token))
          .send({ decision: 'approved', note: '已与销售财务核对' })
          .expect(200);
      for (const event of await worker.take(tenantId, ['ApprovalDecided']))
        await worker.deliver(event);
    } finally {
      await worker.close();
    }
  };
  const delivery = (noticeId: string, status: string, on: string) =>
    api
      .http()
      .post(`/api/v1/notices/${noticeId}/delivery`)
      .set(bearer(users.boss.token))
      .send({ status, on })
      .expect(200);

  beforeAll(async () => {
    ({ api, tenantId, users } = await packTenant('leasing-dealer-arrears', nightOf(D0), {
      boss: ['manager'],
      sales: ['field-collector'],
    }));
    for (const [name, principal] of [
      ['华通经销', '200000.00'],
      ['远达物流', '86500.50'],
      ['按时经销', '50000.00'],
    ] as const) {
      const made = await loan(api, tenantId, {
        name,
        type: 'receivable',
        principal,
        startDate: '2025-12-01',
        dueOn: D0,
      });
      ids[name] = {
        ...made,
        caseId: await openCase(api, tenantId, users.boss.id, made.debtorId),
      };
    }
    api.clock.set(nightOf(D0));
    await pay(api, tenantId, ids['按时经销'].accountId, D0, '50000.00');
  }, 120_000);
  afterAll(async () => api?.close());

  it('day 0 (due): no stage; day 1: both late dealers enter plan — a collection plan and a weekly call each', async () => {
    expect((await night(0)).stageCounts).toEqual({ '(none)': 3 });
    const summary = await night(1);
    expect(summary.stageCounts).toEqual({ plan: 2, '(none)': 1 });
    expect(summary.tasksCreated).toBe(4);
    const plan = await tasksOf(api, ids['华通经销'].caseId);
    expect(plan.map((t) => [t.kind, t.due])).toEqual([
      ['call', day(1)],
      ['review', day(1)],
    ]);
    // The 对账单 has its data now (statement.lines, statement.balance, replySlip.returnBy):
    // nothing fails to render. It does not go out yet: it waits for the AR reconciliation.
    expect(summary.noticeFailures).toEqual([]);
    expect(await noticesOf(api, ids['华通经销'].caseId)).toEqual([]);
  });

  it('day 1: credit hold (dpd ≥ 1, no pending promise) is set for both late dealers, not for 按时', async () => {
    expect(await flags(1)).toEqual({ flag: 'credit-hold', set: 2, cleared: 0, problems: [] });
    expect(await holds()).toEqual(
      [ids['华通经销'].debtorId, ids['远达物流'].debtorId]
        .sort()
        .map((debtor_id) => ({ debtor_id, set_on: day(1), cleared_on: null })),
    );
  });

  it('days 2-8: one call a week — the second on day 8, rolling the open one (missed 1)', async () => {
    for (let n = 2; n <= 8; n += 1) await night(n);
    // Issue 11 §4: the day-1 call, still open, rolls to day 8 and counts its week as missed.
    const calls = await repeatingOf(api, ids['远达物流'].caseId, 'call');
    expect(calls).toEqual([{ status: 'open', due: day(8), missed: 1 }]);
    expect(periodsOf(calls)).toBe(2);
  });

  it('day 30: visit stage — a visit-plan approval for the EVP (a manager); the 催款函 and the visit receipt go out with 200,000.00', async () => {
    const summary = await night(30);
    expect(summary.stageCounts).toEqual({ visit: 2, '(none)': 1 });
    const approvals = await ownerQuery(
      api,
      `select kind, approver_role, status from approvals where case_id = $1 order by kind`,
      [ids['华通经销'].caseId],
    );
    // The statement (day 1) and the 催款函 wait for one AR reconciliation with finance.
    expect(approvals).toEqual([
      { kind: 'ar-reconciliation', approver_role: 'finance', status: 'pending' },
      { kind: 'visit-plan', approver_role: 'manager', status: 'pending' },
    ]);
    expect(summary.noticeFailures).toEqual([]);
    await reconcile();
    const notices = await noticesOf(api, ids['华通经销'].caseId);
    expect(notices.map((n) => n.template_id).sort()).toEqual([
      'leasing-dealer-arrears/demand-letter',
      'leasing-dealer-arrears/statement',
      'leasing-dealer-arrears/visit-receipt',
    ]);
    const receipt = notices.find(
      (n) => n.template_id === 'leasing-dealer-arrears/visit-receipt',
    ) as (typeof notices)[number];
    const text = plain(await noticeHtml(api, users.boss.token, receipt.id));
    expect(text).toContain('人民币200,000.00元（大写：贰拾万元整）');
    const visits = (await tasksOf(api, ids['华通经销'].caseId)).filter((t) => t.kind === 'visit');
    expect(visits.map((t) => t.due)).toEqual([day(30)]);
  });

  it('day 60: the 最后催收通知单 by registered mail — 200,000.00 / 贰拾万元整; deadline 10 days from signing, or sent + 3 + 10 if refused', async () => {
    const summary = await night(60);
    expect(summary.stageCounts).toEqual({ 'final-notice': 2, '(none)': 1 });
    expect(summary.noticesHeld).toBe(2);
    await reconcile();
    const final = async (name: string) =>
      (await noticesOf(api, ids[name].caseId)).find(
        (n) => n.template_id === 'leasing-dealer-arrears/final-notice',
      );
    const a = await final('华通经销');
    const b = await final('远达物流');
    expect(summary.noticeFailures).toEqual([]);
    if (!a || !b) throw new Error('no final notice');
    const text = plain(await noticeHtml(api, users.boss.token, a.id));
    expect(text).toContain('人民币200,000.00元（大写：贰拾万元整）');
    api.clock.set(nightOf(day(63)));
    await delivery(a.id, 'sent', day(60));
    const signed = await delivery(a.id, 'signed', day(62));
    await delivery(b.id, 'sent', day(60));
    const refused = await delivery(b.id, 'refused', day(61));
    expect([signed.body.deadline, refused.body.deadline]).toEqual([day(72), day(73)]);
  });

  it('day 65: 华通经销 pays 200,000.00 — it leaves the ladder and its open tasks are cancelled; closed as settled, its hold is cleared on payment', async () => {
    api.clock.set(nightOf(day(65)));
    await pay(api, tenantId, ids['华通经销'].accountId, day(65), '200000.00');
    const summary = await night(65);
    expect(summary.moves).toContainEqual({
      caseId: ids['华通经销'].caseId,
      from: 'final-notice',
      to: null,
      reason: 'cleared',
    });
    const open = (await tasksOf(api, ids['华通经销'].caseId)).filter((t) => t.status === 'open');
    expect(open).toEqual([]);
    // Paid in full (DPD 0): supply resumes the same day, before anyone closes the case.
    expect(await flags(65)).toEqual({ flag: 'credit-hold', set: 0, cleared: 1, problems: [] });
    await api
      .http()
      .post(`/api/v1/cases/${ids['华通经销'].caseId}/close`)
      .set(bearer(users.boss.token))
      .send({ outcome: 'settled', reason: '全额还清' })
      .expect(200);
    // Closing it changes nothing more: the hold was already lifted.
    expect(await flags(65)).toEqual({ flag: 'credit-hold', set: 0, cleared: 0, problems: [] });
    expect((await holds()).find((h) => h.debtor_id === ids['华通经销'].debtorId)).toEqual({
      debtor_id: ids['华通经销'].debtorId,
      set_on: day(1),
      cleared_on: day(65),
    });
  });
});
