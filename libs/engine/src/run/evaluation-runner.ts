import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Clock, localDateOf, type LocalDate } from '@qingshou/calendar';
import type { CommandMeta } from '@qingshou/core';
import { EventLog, TenantTx } from '@qingshou/db';
import type { ResolvedPack } from '@qingshou/policy';
import { PackView } from '../domain/pack-view';
import { fireRoutines } from '../routines/fire-routines';
import { CaseEvaluator } from './case-evaluator';
import { NoticeIssuer } from './notice-issuer';
import { PinnedPacks, tenantZone } from './pinned-packs';
import { ChunkOutcome, emptyOutcome, RunContext } from './run-context';

/** Entries kept in a run's lists; the counts are always whole. */
export const LISTED = 1000;

export interface RunOptions {
  readonly asOf?: LocalDate;
  readonly caseIds?: readonly string[];
  /** A candidate pack (dry run); default the tenant's pinned one. */
  readonly pack?: ResolvedPack;
  readonly dryRun?: boolean;
}

export interface RunResult {
  readonly asOf: LocalDate;
  readonly pack: string;
  readonly dryRun: boolean;
  readonly chunks: number;
  readonly outcome: ChunkOutcome;
  /** Notices issued after commit (a dry run issues none). */
  readonly noticesIssued: number;
  readonly noticeFailures: { caseId: string; template: string; reason: string }[];
}

/** Thrown to roll a dry run's transaction back once its outcome is known. */
class DryRunRollback extends Error {
  constructor(readonly result: { outcome: ChunkOutcome; chunks: number; ref: string }) {
    super('dry run: rolled back');
  }
}

/**
 * Runs EvaluateCases and the dry run. A real run commits chunk by chunk (a crash loses at
 * most the chunk in flight, and a re-run of the date redoes only what is missing), then
 * issues the notices the chunk ordered through IssueNotice. A dry run does the very same
 * writes inside ONE transaction, appends no events, issues no notice, and rolls back.
 * A run over the whole portfolio (no caseIds) also fires the pack's routines due that date.
 */
@Injectable()
export class EvaluationRunner {
  constructor(
    private readonly tx: TenantTx,
    private readonly clock: Clock,
    private readonly packs: PinnedPacks,
    private readonly evaluator: CaseEvaluator,
    private readonly notices: NoticeIssuer,
    private readonly events: EventLog,
  ) {}

  async run(meta: CommandMeta, options: RunOptions): Promise<RunResult> {
    const now = this.clock.now();
    const context = async (em: EntityManager): Promise<RunContext> => {
      const timeZone = await tenantZone(em, meta.tenantId);
      const view = options.pack
        ? new PackView(options.pack)
        : await this.packs.require(em, meta.tenantId);
      return {
        tenantId: meta.tenantId,
        asOf: options.asOf ?? localDateOf(now, timeZone),
        now,
        timeZone,
        pack: view,
        calendar: this.packs.calendarOf(view, timeZone),
        actorId: meta.actorId,
        correlationId: meta.correlationId,
        dryRun: options.dryRun ?? false,
      };
    };
    return options.dryRun
      ? this.dryRun(meta, options, context)
      : this.commit(meta, options, context);
  }

  private async commit(
    meta: CommandMeta,
    options: RunOptions,
    context: (em: EntityManager) => Promise<RunContext>,
  ) {
    const total = emptyOutcome();
    let after: string | null = null;
    let chunks = 0;
    let issued = 0;
    let pack = '';
    let asOf = options.asOf ?? '';
    const failures: RunResult['noticeFailures'] = [];
    if (!options.caseIds) {
      await this.tx.run(meta.tenantId, async (em) => {
        const ctx = await context(em);
        const routines = emptyOutcome();
        await fireRoutines(em, ctx, routines);
        await this.recordRoutines(em, ctx, routines);
        merge(total, routines);
      });
    }
    for (;;) {
      const step = await this.tx.run(meta.tenantId, async (em) => {
        const ctx = await context(em);
        pack = ctx.pack.ref;
        asOf = ctx.asOf;
        const rows = await this.evaluator.nextChunk(em, ctx, after, options.caseIds);
        if (rows.length === 0) return null;
        const result = await this.evaluator.evaluate(em, ctx, rows, chunks);
        return { ...result, view: ctx.pack, last: rows[rows.length - 1].id };
      });
      if (!step) break;
      chunks += 1;
      after = step.last;
      merge(total, step.outcome);
      const result = await this.notices.issueAll(meta, step.view, step.notices);
      issued += result.issued;
      failures.push(...result.failures);
    }
    return {
      asOf,
      pack,
      dryRun: false,
      chunks,
      outcome: total,
      noticesIssued: issued,
      noticeFailures: failures,
    };
  }

  private async dryRun(
    meta: CommandMeta,
    options: RunOptions,
    context: (em: EntityManager) => Promise<RunContext>,
  ) {
    let asOf = options.asOf ?? '';
    try {
      await this.tx.run(meta.tenantId, async (em) => {
        const ctx = await context(em);
        asOf = ctx.asOf;
        const total = emptyOutcome();
        if (!options.caseIds) await fireRoutines(em, ctx, total);
        let after: string | null = null;
        let chunks = 0;
        for (;;) {
          const rows = await this.evaluator.nextChunk(em, ctx, after, options.caseIds);
          if (rows.length === 0) break;
          merge(total, (await this.evaluator.evaluate(em, ctx, rows, chunks)).outcome);
          after = rows[rows.length - 1].id;
          chunks += 1;
        }
        throw new DryRunRollback({ outcome: total, chunks, ref: ctx.pack.ref });
      });
    } catch (error) {
      if (!(error instanceof DryRunRollback)) throw error;
      const { outcome, chunks, ref } = error.result;
      return {
        asOf,
        pack: ref,
        dryRun: true,
        chunks,
        outcome,
        noticesIssued: 0,
        noticeFailures: [],
      };
    }
    throw new Error('unreachable: a dry run always rolls back');
  }

  /** The routines' tasks in the audit trail: one summary event, not one per task. */
  private async recordRoutines(em: EntityManager, ctx: RunContext, out: ChunkOutcome) {
    if (out.routineTasks.length === 0 && out.notifications.length === 0) return;
    const summary = {
      asOf: ctx.asOf,
      pack: ctx.pack.ref,
      tasksCreated: out.routineTasks.length,
      tasks: out.routineTasks.slice(0, 50).map((t) => ({ kind: t.kind, key: t.key })),
      notifications: out.notifications.slice(0, 50),
    };
    await this.events.append(
      em,
      {
        tenantId: ctx.tenantId,
        actorId: ctx.actorId,
        correlationId: ctx.correlationId,
        occurredAt: ctx.now,
      },
      [
        {
          type: 'RoutinesFired',
          aggregateType: 'engine-run',
          aggregateId: `${ctx.asOf}:routines`,
          payload: summary,
          before: null,
          after: summary,
          publish: ['domain-events'],
        },
      ],
    );
  }
}

function merge(total: ChunkOutcome, chunk: ChunkOutcome): void {
  total.evaluated += chunk.evaluated;
  total.skipped += chunk.skipped;
  total.tasksCancelled += chunk.tasksCancelled;
  total.reminders += chunk.reminders;
  for (const [stage, n] of Object.entries(chunk.stageCounts)) {
    total.stageCounts[stage] = (total.stageCounts[stage] ?? 0) + n;
  }
  const keys = [
    'errors',
    'moves',
    'tasks',
    'routineTasks',
    'held',
    'approvals',
    'notices',
    'flags',
    'notifications',
    'blacklisted',
  ] as const;
  for (const key of keys) (total[key] as unknown[]).push(...(chunk[key] as unknown[]));
}
