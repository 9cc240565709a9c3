import { Injectable, Optional } from '@nestjs/common';
import { TenantTx } from '@qingshou/db';
import type { RunStepContext, StepProgress } from '../domain/run-step';
import { addCounts, type RunCounts } from '../domain/run-vocabulary';
import { pgArray } from '../support/pack-facts';
import { RunChunkQueue } from './run-chunk-queue';

/** Failed executions of one chunk (BullMQ's retries included) before its step fails. */
export const CHUNK_ATTEMPTS = 3;
const POLL_MS = Number(process.env.RUN_CHUNK_POLL_MS ?? 100);
/** How often a waiting step re-enqueues what is still pending (a job lost with Redis). */
const REFILL_MS = 60_000;

interface ChunkRow {
  seq: number;
  size: number;
  state: 'pending' | 'done';
  counts: RunCounts | null;
  attempts: number;
  error: string | null;
}

/**
 * The fan-out of a run step over worker processes (issue 15 §3). The step plans each chunk
 * (its case ids) in run_chunks together with its checkpoint, so a resumed step neither
 * re-plans nor loses one; any worker takes the chunk's job and records it done with its
 * counts, once. The step then waits until every chunk is done and returns their counts.
 * Without a RunChunkQueue (CLI, API) `enabled` is false and the step works in-process.
 */
@Injectable()
export class RunChunks {
  constructor(
    private readonly tx: TenantTx,
    @Optional() private readonly queue?: RunChunkQueue,
  ) {}

  get enabled(): boolean {
    return this.queue !== undefined && process.env.RUN_FAN_OUT !== '0';
  }

  /** Records the chunk and the step's checkpoint in one transaction, then enqueues it. */
  async plan(
    ctx: RunStepContext,
    step: string,
    caseIds: readonly string[],
    progress: StepProgress,
  ): Promise<void> {
    const seq = await this.tx.run(ctx.tenantId, async (em) => {
      // The checkpoint first: it locks the run row (a second executor waits, then finds the
      // checkpoint moved and rolls back), so two never plan the same seq.
      await ctx.checkpoint(progress, {}, em);
      const [row] = await em.execute<{ seq: number }[]>(
        `insert into run_chunks (tenant_id, run_id, step, seq, case_ids)
         select ?, ?, ?, coalesce(max(seq) + 1, 0), ?::uuid[] from run_chunks
          where tenant_id = ? and run_id = ? and step = ?
         returning seq`,
        [ctx.tenantId, ctx.runId, step, pgArray([...caseIds]), ctx.tenantId, ctx.runId, step],
      );
      return row.seq;
    });
    await this.enqueue(ctx, step, seq);
  }

  /**
   * Waits for every chunk of the step; returns their counts summed. A chunk that failed
   * CHUNK_ATTEMPTS times fails the step (the run retries, and its resumed step starts the
   * chunk's attempts over). Pending chunks are enqueued again first: their jobs may be gone.
   * Progress (cases in done chunks) is checkpointed as chunks finish, at `at`'s cursor.
   */
  async drain(
    ctx: RunStepContext,
    step: string,
    at: { cursor: string | null; total: number },
  ): Promise<RunCounts> {
    await this.tx.run(ctx.tenantId, (em) =>
      em.execute(
        `update run_chunks set attempts = 0 where tenant_id = ? and run_id = ? and step = ?
           and state = 'pending' and attempts >= ?`,
        [ctx.tenantId, ctx.runId, step, CHUNK_ATTEMPTS],
      ),
    );
    let refilled = 0;
    let reported = -1;
    for (;;) {
      const rows = await this.rows(ctx, step);
      const pending = rows.filter((r) => r.state === 'pending');
      const done = rows.reduce((n, r) => n + (r.state === 'done' ? r.size : 0), 0);
      if (done !== reported && pending.length > 0) {
        await ctx.checkpoint({ cursor: at.cursor, done, total: at.total }, {});
        reported = done;
      }
      if (pending.length === 0) {
        const total: RunCounts = {};
        for (const row of rows) addCounts(total, row.counts ?? {});
        return total;
      }
      const failed = pending.find((r) => r.attempts >= CHUNK_ATTEMPTS);
      if (failed) {
        throw new Error(
          `run ${ctx.runId}: chunk ${failed.seq} of ${step} failed ${failed.attempts} times: ${failed.error}`,
        );
      }
      if (Date.now() - refilled >= REFILL_MS) {
        for (const row of pending) await this.enqueue(ctx, step, row.seq);
        refilled = Date.now();
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }

  private rows(ctx: RunStepContext, step: string): Promise<ChunkRow[]> {
    return this.tx.run(ctx.tenantId, (em) =>
      em.execute<ChunkRow[]>(
        `select seq, cardinality(case_ids) as size, state, counts, attempts, error from run_chunks
          where tenant_id = ? and run_id = ? and step = ? order by seq`,
        [ctx.tenantId, ctx.runId, step],
      ),
    );
  }

  private enqueue(ctx: RunStepContext, step: string, seq: number): Promise<void> {
    return (this.queue as RunChunkQueue).enqueue({
      tenantId: ctx.tenantId,
      runId: ctx.runId,
      step,
      seq,
      actorId: ctx.meta.actorId,
      correlationId: ctx.meta.correlationId,
    });
  }
}
