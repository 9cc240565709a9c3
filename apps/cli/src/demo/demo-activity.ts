import { CommandBus } from '@nestjs/cqrs';
import { addDays, Clock, localDateOf } from '@qingshou/calendar';
import {
  CompleteTask,
  CreateTask,
  EvaluatePromises,
  LogContact,
  RecordPromise,
} from '@qingshou/collection';
import type { ActorMeta, Role } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { RecordPayment } from '@qingshou/ledger';
import { randomUUID } from 'node:crypto';
import { atInstant, daySlots, daysBetween } from './activity-clock';
import { Prng } from './prng';

/**
 * How a demo office's collectors worked their cases over the last month (issue 13 §5): the
 * share of calls that reached the debtor, the share of reached cases given a promise, and the
 * share of those kept — near the pack's
 * targets, so 联系次数, 联系成功率 and 承诺兑现率 read like an office's. `reasons`: the pack's
 * overdue causes, given with each contact (microloan and leasing require one when worked).
 */
export interface ActivityProfile {
  readonly reached: number;
  readonly promised: number;
  readonly kept: number;
  readonly reasons: readonly string[];
  /** 篇八 全程录音: the agency's calls carry a recording. */
  readonly recording: boolean;
  /**
   * 篇八 三、5: the share of first calls done within their 2 working hours (the rest left
   * open past it); absent where the pack sets no such limit.
   */
  readonly firstCallInTime?: number;
}

export const ACTIVITY: Readonly<Record<string, ActivityProfile>> = {
  'leasing-dealer-arrears': {
    reached: 0.5,
    promised: 0.3,
    kept: 0.6,
    reasons: ['cash-flow', 'market', 'mismanagement', 'quality-dispute'],
    recording: false,
  },
  'microloan-overdue': {
    reached: 0.55,
    promised: 0.35,
    kept: 0.65,
    reasons: ['business-cash-flow', 'market-change', 'family-change', 'short-deposit'],
    recording: false,
  },
  'card-collection-agency': {
    reached: 0.6,
    promised: 0.4,
    kept: 0.55,
    reasons: ['unable', 'disputed', 'refuses'],
    recording: true,
    firstCallInTime: 0.96,
  },
};

const NOT_REACHED = ['no-answer', 'left-message', 'no-answer'];
const REACHED = ['reached', 'stalling', 'refused', 'reached'];
/** Days of work up to today the demo logs by default (its cases open by their first). */
export const ACTIVITY_DAYS = 30;
/** A collector calls each case on about one day in five. */
const CALL_CHANCE = 1 / 5;

interface OpenCase {
  readonly id: string;
  readonly assignee_id: string;
  readonly roles: Role[];
  readonly account_id: string | null;
  readonly opened_on: string;
  readonly overdue: string;
}

export interface ActivitySummary {
  readonly contacts: number;
  readonly promises: number;
  readonly paid: number;
  readonly refused: number;
}

interface Attempt {
  readonly caseIndex: number;
  readonly at: Date;
}

/**
 * A month of the office's work, logged day by day with the clock at the time of each call
 * (issue 13 §5: trends move smoothly, not all on the last day): contacts, each case's first
 * call under its SLA, promises and the payments that kept some of them, each through the
 * command the console and API use (LogContact, CreateTask/CompleteTask, RecordPromise,
 * RecordPayment), as the case's collector; then the promises are judged (EvaluatePromises)
 * as the nightly run does. A contact the pack refuses is skipped and counted, never forced in.
 */
export async function logDemoActivity(
  bus: CommandBus,
  tx: TenantTx,
  clock: Clock,
  tenantId: string,
  profile: ActivityProfile,
  ctx: { seed: string; now: Date; days: number; timeZone: string; system: ActorMeta },
): Promise<ActivitySummary> {
  const rng = new Prng(`${ctx.seed}:activity`);
  const today = localDateOf(ctx.now, ctx.timeZone);
  const cases = await openCases(tx, tenantId);
  const from = addDays(today, 1 - ctx.days);
  // Each case's call plan first (the same seed gives the same plan), then the calls in time order.
  const attempts: Attempt[] = [];
  cases.forEach((c, caseIndex) => {
    for (const day of daysBetween(c.opened_on > from ? c.opened_on : from, today)) {
      if (!rng.chance(CALL_CHANCE)) continue;
      const slots = daySlots(day, ctx.timeZone, ctx.now);
      if (slots.length > 0) attempts.push({ caseIndex, at: rng.pick(slots) });
    }
  });
  attempts.sort((a, b) => a.at.getTime() - b.at.getTime() || a.caseIndex - b.caseIndex);
  const reachedOn = new Map<number, string>();
  const called = new Set<number>();
  let contacts = 0;
  let refused = 0;
  for (const { caseIndex, at } of attempts) {
    const c = cases[caseIndex];
    const as = actorOf(tenantId, c);
    const reached = rng.chance(profile.reached);
    const first = !called.has(caseIndex);
    called.add(caseIndex);
    // 篇八 三、5: the first call is a task with 2 working hours from when the case reached
    // the collector's list; it is created a little before the call that does it.
    const task =
      first && profile.firstCallInTime !== undefined
        ? await firstCallTask(
            bus,
            clock,
            as,
            ctx.system,
            c.id,
            new Date(at.getTime() - rng.int(10, 80) * 60_000),
          )
        : null;
    const attemptedAt = at.toISOString();
    const id = await atInstant(clock, new Date(at.getTime() + 3 * 60_000), () =>
      bus
        .execute(
          new LogContact(as, {
            caseId: c.id,
            channel: 'call',
            party: 'debtor',
            outcomeCode: reached ? rng.pick(REACHED) : rng.pick(NOT_REACHED),
            attemptedAt,
            overdueReasonCode: profile.reasons[caseIndex % profile.reasons.length],
            notes: reached ? '电话联系本人，告知逾期后果，督促尽快还款' : '电话未接通',
            ...(profile.recording ? { file: recording(attemptedAt) } : {}),
          }),
        )
        .then((r: { id: string }) => r.id)
        .catch(() => null),
    );
    if (!id) {
      refused += 1;
      continue;
    }
    contacts += 1;
    if (reached) reachedOn.set(caseIndex, localDateOf(at, ctx.timeZone));
    if (task && rng.chance(profile.firstCallInTime ?? 1)) {
      await atInstant(clock, new Date(at.getTime() + 4 * 60_000), () =>
        bus.execute(new CompleteTask(as, task, 'done', undefined, { contactId: id })),
      );
    }
  }
  const { promises, paid } = await recordPromises(bus, cases, reachedOn, rng, profile, {
    tenantId,
    today,
    system: ctx.system,
  });
  await bus.execute(new EvaluatePromises(ctx.system, today));
  return { contacts, promises, paid, refused };
}

/**
 * A promise on the day a case was last reached, due 3–10 days later: kept when the money came
 * in by its date; a promise due after today is still pending.
 */
async function recordPromises(
  bus: CommandBus,
  cases: readonly OpenCase[],
  reachedOn: ReadonlyMap<number, string>,
  rng: Prng,
  profile: ActivityProfile,
  ctx: { tenantId: string; today: string; system: ActorMeta },
): Promise<{ promises: number; paid: number }> {
  let promises = 0;
  let paid = 0;
  for (const [caseIndex, promisedOn] of [...reachedOn].sort((a, b) => a[0] - b[0])) {
    const c = cases[caseIndex];
    const overdue = Number(c.overdue);
    if (!c.account_id || overdue < 100 || !rng.chance(profile.promised)) continue;
    const dueOn = addDays(promisedOn, rng.int(3, 10));
    const amount = Math.max(
      100,
      Math.floor((overdue * (0.2 + rng.next() * 0.3)) / 100) * 100,
    ).toFixed(2);
    const keeps = rng.chance(profile.kept);
    const early = addDays(dueOn, -rng.int(0, 3));
    const payDay = early < promisedOn ? promisedOn : early;
    const ok = await bus
      .execute(
        new RecordPromise(actorOf(ctx.tenantId, c), { caseId: c.id, amount, dueOn, promisedOn }),
      )
      .then(() => true)
      .catch(() => false);
    if (!ok) continue;
    promises += 1;
    if (!keeps || payDay > ctx.today) continue;
    await bus.execute(
      new RecordPayment(ctx.system, {
        accountId: c.account_id,
        source: 'demo',
        externalRef: `DEMO-PROMISE-${c.id.slice(0, 8)}`,
        paidOn: payDay,
        amount,
        note: '按承诺还款',
      }),
    );
    paid += 1;
  }
  return { promises, paid };
}

function actorOf(tenantId: string, c: OpenCase): ActorMeta {
  return {
    tenantId,
    actorId: c.assignee_id,
    roles: c.roles,
    correlationId: `demo-${randomUUID()}`,
  };
}

/** The cases being worked, in the book's order (case ids are random): the same seed, the same work. */
function openCases(tx: TenantTx, tenantId: string): Promise<OpenCase[]> {
  return tx.run(tenantId, (em) =>
    em.execute<OpenCase[]>(
      `select c.id, c.assignee_id, u.roles, c.opened_on::text as opened_on,
              (select ca.account_id from case_accounts ca
               where ca.tenant_id = c.tenant_id and ca.case_id = c.id
               order by ca.account_id limit 1) as account_id,
              coalesce((select sum(b.overdue_principal + b.overdue_interest)
                        from case_accounts ca join account_balances b
                          on b.tenant_id = ca.tenant_id and b.account_id = ca.account_id
                        where ca.tenant_id = c.tenant_id and ca.case_id = c.id), 0)::text as overdue
       from cases c join users u on u.tenant_id = c.tenant_id and u.id = c.assignee_id
       where c.tenant_id = ? and c.closed_on is null and c.status not in ('settled', 'closed')
       order by (select min(a.external_ref) from case_accounts ca
                 join accounts a on a.tenant_id = ca.tenant_id and a.id = ca.account_id
                 where ca.tenant_id = c.tenant_id and ca.case_id = c.id), c.id`,
      [tenantId],
    ),
  );
}

/** The case's first call with its SLA (2 working hours from `at`), as the pack's rule sets it. */
async function firstCallTask(
  bus: CommandBus,
  clock: Clock,
  as: ActorMeta,
  system: ActorMeta,
  caseId: string,
  at: Date,
): Promise<string> {
  const task: { id: string } = await atInstant(clock, at, () =>
    bus.execute(
      new CreateTask(system, {
        caseId,
        kind: 'call',
        title: '电话催收',
        dueAt: at.toISOString(),
        slaWorkingHours: 2,
        assigneeId: as.actorId,
        idempotencyKey: `demo:first-call:${caseId}`,
      }),
    ),
  );
  return task.id;
}

/** A placeholder call recording (the agency's pack requires one for every call). */
function recording(attemptedAt: string) {
  const stamp = attemptedAt.replace(/[-:]/g, '').slice(0, 13);
  return {
    data: Buffer.from(`RIFF demo call ${stamp}`),
    originalName: `call-${stamp}.wav`,
    contentType: 'audio/wav',
  };
}
