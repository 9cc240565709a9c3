import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Clock, localDateOf, type LocalDate } from '@qingshou/calendar';
import type { CommandMeta } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { IssuedNotice, IssueNotice } from '@qingshou/notices';
import type { ResolvedPack } from '../../loader/resolved-pack';
import type { ReadyNotice } from '../apply/notice-data';
import { PackView } from '../domain/pack-view';
import { CaseEvaluator } from './case-evaluator';
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
 */
@Injectable()
export class EvaluationRunner {
  private readonly logger = new Logger('PolicyEngine');

  constructor(
    private readonly tx: TenantTx,
    private readonly clock: Clock,
    private readonly packs: PinnedPacks,
    private readonly evaluator: CaseEvaluator,
    private readonly commands: CommandBus,
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
      for (const notice of step.notices) {
        const result = await this.issue(meta, step.view, notice);
        if (result === true) issued += 1;
        else if (result)
          failures.push({ caseId: notice.caseId, template: notice.template, reason: result });
      }
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

  /** true when issued now; a reason when the notice could not be rendered; false if it existed. */
  private async issue(
    meta: CommandMeta,
    view: PackView,
    notice: ReadyNotice,
  ): Promise<boolean | string> {
    try {
      const result: IssuedNotice = await this.commands.execute(
        new IssueNotice(meta, {
          templateId: `${view.pack.id}/${notice.template}`,
          debtorId: notice.debtorId,
          caseId: notice.caseId,
          idempotencyKey: notice.key,
          data: notice.data,
          deliveryRule: view.noticeDelivery(notice.template),
        }),
      );
      return result.created;
    } catch (error) {
      // One letter that cannot render must not stop the run; it is reported and retried by
      // the next run of the date, since its key stays unissued.
      this.logger.warn(`notice ${notice.key} not issued: ${(error as Error).message}`);
      return (error as Error).message;
    }
  }
}

function merge(total: ChunkOutcome, chunk: ChunkOutcome): void {
  total.evaluated += chunk.evaluated;
  total.skipped += chunk.skipped;
  total.tasksCancelled += chunk.tasksCancelled;
  for (const [stage, n] of Object.entries(chunk.stageCounts)) {
    total.stageCounts[stage] = (total.stageCounts[stage] ?? 0) + n;
  }
  const keys = [
    'errors',
    'moves',
    'tasks',
    'approvals',
    'notices',
    'flags',
    'notifications',
    'blacklisted',
  ] as const;
  for (const key of keys) (total[key] as unknown[]).push(...(chunk[key] as unknown[]));
}
