import { EntityManager } from '@mikro-orm/postgresql';
import { DomainEvent, EventLog } from '@qingshou/db';
import type { ChunkOutcome, RunContext } from './run-context';

const PUBLISH = ['domain-events'] as const;
/** Case ids named in a summary event; the counts are always whole. */
const LISTED = 50;

/**
 * The audit trail of one chunk, appended in the chunk's transaction: a StageEntered per case
 * that moved (before/after stage), a DebtorBlacklisted per debtor blacklisted on settlement,
 * and ONE CasesEvaluated summary with the counts — not an event per task, which would
 * multiply a daily run's events by the portfolio's size. Tasks, approvals and flags stay
 * traceable through engine_actions (key → target).
 */
export async function appendChunkEvents(
  events: EventLog,
  em: EntityManager,
  ctx: RunContext,
  chunk: number,
  out: ChunkOutcome,
): Promise<void> {
  const pack = ctx.pack.ref;
  const list: DomainEvent[] = out.moves.map((m) => ({
    type: 'StageEntered',
    aggregateType: 'case',
    aggregateId: m.caseId,
    payload: {
      from: m.from,
      to: m.to,
      reason: m.reason,
      asOf: ctx.asOf,
      pack,
      effectiveDpd: m.effectiveDpd,
    },
    before: { stage: m.from },
    after: { stage: m.to, packVersion: ctx.pack.pack.version },
    publish: PUBLISH,
  }));
  for (const debtorId of out.blacklisted) {
    const after = { debtorId, since: ctx.asOf, reason: `结清后列入黑名单（${pack}）` };
    list.push({
      type: 'DebtorBlacklisted',
      aggregateType: 'debtor',
      aggregateId: debtorId,
      payload: after,
      before: null,
      after,
      publish: PUBLISH,
    });
  }
  const summary = {
    asOf: ctx.asOf,
    pack,
    chunk,
    evaluated: out.evaluated,
    skipped: out.skipped,
    errors: out.errors.slice(0, LISTED),
    stageChanges: out.moves.length,
    tasksCreated: out.tasks.length,
    tasksCancelled: out.tasksCancelled,
    approvalsRequested: out.approvals.length,
    noticesOrdered: out.notices.length,
    flags: out.flags.slice(0, LISTED),
    // Role notifications travel in the summary: the consumer of domain-events delivers them.
    notifications: out.notifications.slice(0, LISTED),
    blacklisted: out.blacklisted.length,
  };
  list.push({
    type: 'CasesEvaluated',
    aggregateType: 'engine-run',
    aggregateId: `${ctx.asOf}:${chunk}`,
    payload: summary,
    before: null,
    after: summary,
    publish: PUBLISH,
  });
  await events.append(
    em,
    {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      correlationId: ctx.correlationId,
      occurredAt: ctx.now,
    },
    list,
  );
}
