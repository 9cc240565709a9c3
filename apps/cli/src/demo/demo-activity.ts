import { CommandBus } from '@nestjs/cqrs';
import { addDays, localDateOf } from '@qingshou/calendar';
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
import { Prng } from './prng';

/**
 * How a demo office's collectors worked their cases lately (issue 13 §5): the share of cases
 * reached, the share with a promise now due, and the share of those kept — near the pack's
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
    reached: 0.7,
    promised: 0.3,
    kept: 0.6,
    reasons: ['cash-flow', 'market', 'mismanagement', 'quality-dispute'],
    recording: false,
  },
  'microloan-overdue': {
    reached: 0.75,
    promised: 0.35,
    kept: 0.65,
    reasons: ['business-cash-flow', 'market-change', 'family-change', 'short-deposit'],
    recording: false,
  },
  'card-collection-agency': {
    reached: 0.66,
    promised: 0.3,
    kept: 0.55,
    reasons: ['unable', 'disputed', 'refuses'],
    recording: true,
    firstCallInTime: 0.96,
  },
};

const NOT_REACHED = ['no-answer', 'left-message', 'no-answer'];
const REACHED = ['reached', 'stalling', 'refused', 'reached'];
/** Contacts are logged inside the strictest pack's back-dating limit (the agency's 24 h). */
const WINDOW_HOURS = 20;
const SLOT_MINUTES = 10;

interface OpenCase {
  readonly id: string;
  readonly assignee_id: string;
  readonly roles: Role[];
  readonly account_id: string | null;
  readonly overdue: string;
}

export interface ActivitySummary {
  readonly contacts: number;
  readonly promises: number;
  readonly paid: number;
  readonly refused: number;
}

/**
 * Logs the contacts, promises and the payments that kept some of them, each through the
 * command the console and API use (LogContact, RecordPromise, RecordPayment), as the case's
 * collector; then judges the promises (EvaluatePromises) as the nightly run does. A contact
 * the pack refuses is skipped and counted, never forced in.
 */
export async function logDemoActivity(
  bus: CommandBus,
  tx: TenantTx,
  tenantId: string,
  profile: ActivityProfile,
  ctx: { seed: string; now: Date; timeZone: string; system: ActorMeta },
): Promise<ActivitySummary> {
  const rng = new Prng(`${ctx.seed}:activity`);
  const today = localDateOf(ctx.now, ctx.timeZone);
  const cases = await tx.run(tenantId, (em) =>
    em.execute<OpenCase[]>(
      `select c.id, c.assignee_id, u.roles,
              (select ca.account_id from case_accounts ca
               where ca.tenant_id = c.tenant_id and ca.case_id = c.id
               order by ca.account_id limit 1) as account_id,
              coalesce((select sum(b.overdue_principal + b.overdue_interest)
                        from case_accounts ca join account_balances b
                          on b.tenant_id = ca.tenant_id and b.account_id = ca.account_id
                        where ca.tenant_id = c.tenant_id and ca.case_id = c.id), 0)::text as overdue
       from cases c join users u on u.tenant_id = c.tenant_id and u.id = c.assignee_id
       where c.tenant_id = ? and c.closed_on is null and c.status not in ('settled', 'closed')
       -- The book's own order (case ids are random), so the same seed logs the same work.
       order by (select min(a.external_ref) from case_accounts ca
                 join accounts a on a.tenant_id = ca.tenant_id and a.id = ca.account_id
                 where ca.tenant_id = c.tenant_id and ca.case_id = c.id), c.id`,
      [tenantId],
    ),
  );
  const slots = contactSlots(ctx.now, ctx.timeZone);
  let contacts = 0;
  let promises = 0;
  let paid = 0;
  let refused = 0;
  for (const c of cases) {
    const as: ActorMeta = {
      tenantId,
      actorId: c.assignee_id,
      roles: c.roles,
      correlationId: `demo-${randomUUID()}`,
    };
    const reached = rng.chance(profile.reached);
    const attempts = reached ? rng.int(1, 2) : 1;
    const at = [...new Set(Array.from({ length: attempts }, () => rng.pick(slots)))].sort();
    const reason = rng.pick(profile.reasons);
    let lastContact: string | null = null;
    for (const [i, attemptedAt] of at.entries()) {
      const last = i === at.length - 1;
      const outcomeCode = reached && last ? rng.pick(REACHED) : rng.pick(NOT_REACHED);
      const done = await bus
        .execute(
          new LogContact(as, {
            caseId: c.id,
            channel: 'call',
            party: 'debtor',
            outcomeCode,
            attemptedAt,
            overdueReasonCode: reason,
            notes: reached && last ? '电话联系本人，告知逾期后果，督促尽快还款' : '电话未接通',
            ...(profile.recording ? { file: recording(attemptedAt) } : {}),
          }),
        )
        .then((r: { id: string }) => r.id)
        .catch(() => null);
      if (done) contacts += 1;
      else refused += 1;
      lastContact = done ?? lastContact;
    }
    if (profile.firstCallInTime !== undefined && lastContact) {
      await firstCall(
        bus,
        as,
        ctx.system,
        c.id,
        rng.chance(profile.firstCallInTime) ? lastContact : null,
        ctx.now,
      );
    }
    // A promise made some days ago and now due: kept when the money came in by its date.
    const overdue = Number(c.overdue);
    if (!reached || !c.account_id || overdue < 100 || !rng.chance(profile.promised)) continue;
    const promisedOn = addDays(today, -rng.int(6, 12));
    const dueOn = addDays(today, -rng.int(1, 5));
    const amount = Math.max(
      100,
      Math.floor((overdue * (0.2 + rng.next() * 0.3)) / 100) * 100,
    ).toFixed(2);
    const keeps = rng.chance(profile.kept);
    const early = addDays(dueOn, -rng.int(0, 3));
    const payDay = early < promisedOn ? promisedOn : early;
    const ok = await bus
      .execute(new RecordPromise(as, { caseId: c.id, amount, dueOn, promisedOn }))
      .then(() => true)
      .catch(() => false);
    if (!ok) continue;
    promises += 1;
    if (!keeps) continue;
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
  await bus.execute(new EvaluatePromises(ctx.system, today));
  return { contacts, promises, paid, refused };
}

/**
 * The case's first call under its SLA (2 working hours), as the pack's first-call rule sets
 * it; done with the logged call, or left open past its limit when `contactId` is null.
 */
async function firstCall(
  bus: CommandBus,
  as: ActorMeta,
  system: ActorMeta,
  caseId: string,
  contactId: string | null,
  now: Date,
): Promise<void> {
  const task = await bus.execute(
    new CreateTask(system, {
      caseId,
      kind: 'call',
      title: '电话催收',
      dueAt: now.toISOString(),
      slaWorkingHours: 2,
      assigneeId: as.actorId,
      idempotencyKey: `demo:first-call:${caseId}`,
    }),
  );
  if (contactId) {
    await bus.execute(new CompleteTask(as, task.id, 'done', undefined, { contactId }));
  }
}

/** Office-hour instants (09:00–20:50 local) in the last WINDOW_HOURS, as ISO strings. */
function contactSlots(now: Date, timeZone: string): string[] {
  const out: string[] = [];
  const end = now.getTime() - 5 * 60_000;
  for (let t = end - WINDOW_HOURS * 3_600_000; t <= end; t += SLOT_MINUTES * 60_000) {
    const at = new Date(Math.floor(t / 600_000) * 600_000);
    const hour = Number(
      new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hour12: false }).format(at),
    );
    if (hour >= 9 && hour <= 20) out.push(at.toISOString());
  }
  return out;
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
