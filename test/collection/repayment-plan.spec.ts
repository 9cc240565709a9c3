import { addMonths } from '../../libs/ledger/src';
import { AgreePlan, DecideApproval, EvaluatePlans, ProposePlan } from '../../libs/collection/src';
import { meta } from '../kpi/support/kpi-fixtures';
import type { CollectionTestApi } from './support/collection-api';
import {
  loan,
  Member,
  nightOf,
  openCase,
  ownerQuery,
  packTenant,
  pay,
  runNight,
  tasksOf,
} from '../packs/support/pack-scenario';

/**
 * Issue 16 §1 with the real leasing pack (篇一 书面还款计划: at most 12 instalments, grace 5
 * days, above 10,000.00 the manager approves, the penalty waived while the plan is kept).
 * A dealer owes 13,200.00 due Monday 2026-03-02 (D0) plus 660.00 penalty, waived on
 * condition. The plan: 1,200.00 down on D0, then 12 × 1,000.00 on the 2nd of each month from
 * April. Down payment and instalments 1–4 are paid; instalment 5 (due 08-02) is not: the
 * grace runs to 08-07, so the plan breaks on 08-08 — and not a day earlier.
 */
const D0 = '2026-03-02';
const due = (k: number) => addMonths('2026-04-02', k - 1);

describe('repayment plan on the ledger (还款计划, issue 16 §1)', () => {
  let api: CollectionTestApi;
  let tenantId: string;
  let users: Record<'boss' | 'head' | 'sales', Member>;
  let caseId: string;
  let accountId: string;
  let planId: string;

  const as = (who: 'boss' | 'head' | 'sales') =>
    meta(tenantId, users[who].id, who === 'sales' ? ['field-collector'] : ['manager']);
  const judge = (on: string) => {
    api.clock.set(nightOf(on));
    return api.commands.execute(new EvaluatePlans(as('boss'), on));
  };
  const plan = async () =>
    (
      await ownerQuery<{ status: string; broken_on: string | null; waiver_withdrawn: boolean }>(
        api,
        `select status, broken_on::text, waiver_withdrawn from repayment_plans where id = $1`,
        [planId],
      )
    )[0];
  const instalments = () =>
    ownerQuery<{ seq: number; due_on: string; amount: string; paid: string; status: string }>(
      api,
      `select seq, due_on::text, amount::text, paid::text, status from plan_instalments
       where plan_id = $1 order by seq`,
      [planId],
    );
  const sum = (rows: { [k: string]: unknown }[], key: string) =>
    rows.reduce((s, r) => s + Math.round(Number(r[key]) * 100), 0) / 100;

  beforeAll(async () => {
    ({ api, tenantId, users } = await packTenant('leasing-dealer-arrears', nightOf(D0), {
      boss: ['manager'],
      head: ['manager'],
      sales: ['field-collector'],
    }));
    const made = await loan(api, tenantId, {
      name: '华通经销',
      type: 'receivable',
      principal: '13200.00',
      startDate: '2025-12-01',
      dueOn: D0,
    });
    accountId = made.accountId;
    caseId = await openCase(api, tenantId, users.boss.id, made.debtorId);
  }, 120_000);
  afterAll(async () => api?.close());

  it('splits 13,200.00 (+660.00 penalty − 660.00 waiver) into 1,200.00 down and 12 × 1,000.00; above 10,000.00 it waits for the manager', async () => {
    const proposed = await api.commands.execute(
      new ProposePlan(as('boss'), {
        caseId,
        arrears: '13200.00',
        penalty: '660.00',
        waiver: '660.00',
        downPayment: '1200.00',
        count: 12,
        firstDueOn: due(1),
      }),
    );
    planId = proposed.id;
    expect(proposed.total).toBe('13200.00');
    expect(proposed.approvalId).not.toBeNull();
    const rows = await instalments();
    expect(rows).toHaveLength(13);
    expect(rows[0]).toMatchObject({ seq: 0, due_on: D0, amount: '1200.00' });
    expect(rows.slice(1).every((r) => r.amount === '1000.00')).toBe(true);
    expect(rows[12].due_on).toBe('2027-03-02');
    expect(sum(rows, 'amount')).toBe(13200);
    // 13 instalments break the pack's 12; the approval is still pending, so no agreement yet.
    await expect(
      api.commands.execute(
        new ProposePlan(as('boss'), {
          caseId,
          arrears: '13200.00',
          count: 13,
          downPayment: '1200.00',
          firstDueOn: due(1),
        }),
      ),
    ).rejects.toMatchObject({ status: 400 });
    await expect(api.commands.execute(new AgreePlan(as('boss'), planId))).rejects.toMatchObject({
      status: 409,
    });
    await api.commands.execute(
      new DecideApproval(as('head'), proposed.approvalId as string, 'approved'),
    );
    await api.commands.execute(new AgreePlan(as('boss'), planId));
    expect((await plan()).status).toBe('active');
  });

  it('kept: down payment and instalments 1–4 paid as due; the ladder stays paused, balances to the fen', async () => {
    await pay(api, tenantId, accountId, D0, '1200.00');
    for (const k of [1, 2, 3, 4]) {
      api.clock.set(nightOf(due(k)));
      await pay(api, tenantId, accountId, due(k), '1000.00');
    }
    await runNight(api, tenantId, due(4));
    expect(await judge(due(4))).toMatchObject({ kept: 0, broken: 0 });
    // DPD 122, yet the ladder created nothing while the plan is kept.
    expect(await tasksOf(api, caseId)).toEqual([]);
    const rows = await instalments();
    expect(rows.slice(0, 5).map((r) => [r.paid, r.status])).toEqual(
      Array(5)
        .fill(['1000.00', 'kept'])
        .map((x, i) => (i === 0 ? ['1200.00', 'kept'] : x)),
    );
    expect(sum(rows, 'paid')).toBe(5200);
    expect(sum(rows, 'amount') - sum(rows, 'paid')).toBe(8000);
  });

  it('instalment 5 (due 08-02) unpaid: still active through the grace (08-07), PlanBroken on 08-08 with the waiver withdrawn', async () => {
    expect(await judge('2026-08-07')).toMatchObject({ broken: 0 });
    expect((await plan()).status).toBe('active');
    await runNight(api, tenantId, '2026-08-07');
    expect(await tasksOf(api, caseId)).toEqual([]);
    expect(await judge('2026-08-08')).toMatchObject({ broken: 1 });
    expect(await plan()).toEqual({
      status: 'broken',
      broken_on: '2026-08-08',
      waiver_withdrawn: true,
    });
    const rows = await instalments();
    expect(rows[5]).toMatchObject({ paid: '0.00', status: 'missed' });
    expect(sum(rows, 'paid')).toBe(5200);
    const [event] = await ownerQuery<{ payload: Record<string, unknown> }>(
      api,
      `select payload from event_log where type = 'PlanBroken' and aggregate_id = $1`,
      [caseId],
    );
    expect(event.payload).toMatchObject({
      brokenOn: '2026-08-08',
      missedInstalment: 5,
      waiverWithdrawn: '660.00',
    });
    // A second run of the same day changes nothing.
    expect(await judge('2026-08-08')).toEqual({ asOf: '2026-08-08', kept: 0, broken: 0 });
  });

  it('the ladder resumes the night the plan broke: the pause ends on 08-08 and tasks come due', async () => {
    const [pause] = await ownerQuery<{ ended_on: string }>(
      api,
      `select x.ended_on::text from pauses x join repayment_plans p
         on p.tenant_id = x.tenant_id and p.pause_id = x.id where p.id = $1`,
      [planId],
    );
    expect(pause.ended_on).toBe('2026-08-08');
    await runNight(api, tenantId, '2026-08-08');
    const tasks = await tasksOf(api, caseId);
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.every((t) => t.due === '2026-08-08')).toBe(true);
    // The ledger was never touched by the plan: 13,200.00 − 5,200.00 received.
    const [paid] = await ownerQuery<{ total: string }>(
      api,
      `select sum(amount)::text as total from payments where account_id = $1`,
      [accountId],
    );
    expect(paid.total).toBe('5200.00');
  });
});
