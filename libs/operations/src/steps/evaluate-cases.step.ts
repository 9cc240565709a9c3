import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { TenantTx } from '@qingshou/db';
import { EvaluateCases, type EvaluationSummary } from '@qingshou/engine';
import type { RunStep, RunStepContext } from '../domain/run-step';
import type { RunCounts } from '../domain/run-vocabulary';
import { RunChunks } from '../execute-run-chunk/run-chunks';
import { collectGarbageIfLarge } from '../support/collect-garbage';
import { pinnedPackFacts } from '../support/pack-facts';
import { runScope } from '../support/run-scope';
import { DIRTY_CASE, dirtyCaseParams } from './dirty-cases.sql';
import { countCaseBatch } from './evaluate-cases.sql';

/** Cases per EvaluateCases: the engine's own chunk, so each call is one transaction. */
export const CASE_BATCH = 500;

/**
 * The ladder over every open case, in batches of case ids: EvaluateCases moves each batch,
 * fires its actions (bulk inserts keyed in engine_actions) and issues its notices. The
 * checkpoint follows each batch; a batch redone after a crash creates nothing (the engine is
 * idempotent per date) and issues the notices the crash left unissued. The counts are read
 * back from the tables for the batch and the date, so a redone batch counts the same as an
 * uninterrupted one.
 */
@Injectable()
export class EvaluateCasesStep implements RunStep {
  readonly name = 'evaluate-cases';

  constructor(
    private readonly tx: TenantTx,
    private readonly commands: CommandBus,
    private readonly chunks: RunChunks,
  ) {}

  async execute(ctx: RunStepContext): Promise<RunCounts> {
    const pack = await this.tx.run(ctx.tenantId, (em) => pinnedPackFacts(em, ctx.tenantId));
    if (!pack) return {};
    // An incremental run evaluates the cases whose facts can have moved (DIRTY_CASE).
    const { dirty, dirtyParams } = await this.tx.run(ctx.tenantId, async (em) => {
      const run = await runScope(em, ctx.tenantId, ctx.runId);
      if (run.mode === 'full') return { dirty: '', dirtyParams: [] as unknown[] };
      const [row] = await em.execute<{ reminders: boolean }[]>(
        `select jsonb_array_length(coalesce(resolved->'spec'->'reminders', '[]')) > 0 as reminders
         from pack_installations where tenant_id = ? and status = 'active'`,
        [ctx.tenantId],
      );
      return {
        dirty: DIRTY_CASE,
        dirtyParams: dirtyCaseParams(
          ctx.runId,
          run.sinceAsOf,
          run.sinceStartedAt,
          !!row?.reminders,
        ),
      };
    });
    const scope = `c.tenant_id = ? and c.closed_on is null and c.opened_on <= ?::date`;
    const total = await this.tx.run(ctx.tenantId, async (em) => {
      const [row] = await em.execute<{ n: string }[]>(
        `select count(*) as n from cases c where ${scope} ${dirty}`,
        [ctx.tenantId, ctx.asOf, ...dirtyParams],
      );
      return Number(row.n);
    });
    let cursor = ctx.cursor;
    let done = 0;
    for (;;) {
      const ids = await this.tx.run(ctx.tenantId, async (em) =>
        (
          await em.execute<{ id: string }[]>(
            `select c.id from cases c where ${scope} and (?::uuid is null or c.id > ?::uuid)
             ${dirty} order by c.id limit ?`,
            [ctx.tenantId, ctx.asOf, cursor, cursor, ...dirtyParams, CASE_BATCH],
          )
        ).map((r) => r.id),
      );
      if (ids.length === 0) {
        const fanned = await this.drained(ctx, { cursor, total });
        return dirty ? { ...fanned, casesSkipped: (await this.openCases(ctx)) - total } : fanned;
      }
      if (this.chunks.enabled) {
        // Fanned out: the batch is planned with the checkpoint; any worker evaluates it.
        done += ids.length;
        cursor = ids[ids.length - 1];
        await this.chunks.plan(ctx, this.name, ids, { cursor, done, total });
        continue;
      }
      const summary: EvaluationSummary = await this.commands.execute(
        new EvaluateCases(ctx.meta, ctx.asOf, ids),
      );
      collectGarbageIfLarge();
      const counts = await this.countBatch(ctx, ids);
      done += ids.length;
      cursor = ids[ids.length - 1];
      await ctx.checkpoint(
        { cursor, done, total },
        {
          ...counts,
          casesEvaluated: summary.evaluated,
          caseErrors: summary.errors.length,
          noticeFailures: summary.noticeFailures.length,
        },
      );
    }
  }

  private openCases(ctx: RunStepContext): Promise<number> {
    return this.tx.run(ctx.tenantId, async (em) => {
      const [row] = await em.execute<{ n: string }[]>(
        `select count(*) as n from cases where tenant_id = ? and closed_on is null and opened_on <= ?::date`,
        [ctx.tenantId, ctx.asOf],
      );
      return Number(row.n);
    });
  }

  /** Fanned out: every planned chunk done, their counts summed (none in-process). */
  private async drained(
    ctx: RunStepContext,
    at: { cursor: string | null; total: number },
  ): Promise<RunCounts> {
    return this.chunks.enabled ? this.chunks.drain(ctx, this.name, at) : {};
  }

  private countBatch(ctx: RunStepContext, ids: string[]): Promise<RunCounts> {
    return this.tx.run(ctx.tenantId, (em) => countCaseBatch(em, ctx.tenantId, ids, ctx.asOf));
  }
}
