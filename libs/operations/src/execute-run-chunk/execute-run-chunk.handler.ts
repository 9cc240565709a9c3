import { CommandHandler, CommandBus, ICommandHandler } from '@nestjs/cqrs';
import { requirePermission, systemMeta, viewerOf } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { EvaluateCases, type EvaluationSummary } from '@qingshou/engine';
import type { RunCounts } from '../domain/run-vocabulary';
import { countCaseBatch } from '../steps/evaluate-cases.sql';
import { ExecuteRunChunk, type RunChunkResult } from './execute-run-chunk.command';

/**
 * One chunk of the ladder in whichever worker took it: EvaluateCases over the chunk's case
 * ids (idempotent per date, so a redelivered or raced chunk creates nothing twice), the
 * counts read back from the tables, then the row marked done with its worker — only if it
 * was still pending, so a chunk is counted once. A failure is recorded on the row (the
 * waiting step fails the run after CHUNK_ATTEMPTS) and rethrown for BullMQ to retry.
 */
@CommandHandler(ExecuteRunChunk)
export class ExecuteRunChunkHandler implements ICommandHandler<ExecuteRunChunk, RunChunkResult> {
  constructor(
    private readonly tx: TenantTx,
    private readonly commands: CommandBus,
  ) {}

  async execute(command: ExecuteRunChunk): Promise<RunChunkResult> {
    requirePermission(viewerOf(command), 'run.start');
    const { tenantId, runId, step, seq } = command;
    const key = [tenantId, runId, step, seq];
    const [chunk] = await this.tx.run(tenantId, (em) =>
      em.execute<{ as_of: string; case_ids: string[]; state: string; run_state: string }[]>(
        `select r.as_of::text as as_of, c.case_ids::text[] as case_ids, c.state, r.state as run_state
           from run_chunks c join runs r on r.tenant_id = c.tenant_id and r.id = c.run_id
          where c.tenant_id = ? and c.run_id = ? and c.step = ? and c.seq = ?`,
        key,
      ),
    );
    if (!chunk || chunk.state === 'done' || chunk.run_state !== 'running') {
      return { runId, seq, executed: false };
    }
    try {
      const meta = systemMeta({
        tenantId,
        actorId: command.actorId,
        correlationId: command.correlationId,
      });
      const summary: EvaluationSummary = await this.commands.execute(
        new EvaluateCases(meta, chunk.as_of, chunk.case_ids),
      );
      const counts: RunCounts = {
        ...(await this.tx.run(tenantId, (em) =>
          countCaseBatch(em, tenantId, chunk.case_ids, chunk.as_of),
        )),
        casesEvaluated: summary.evaluated,
        caseErrors: summary.errors.length,
        noticeFailures: summary.noticeFailures.length,
      };
      await this.tx.run(tenantId, (em) =>
        em.execute(
          `update run_chunks set state = 'done', counts = ?::jsonb, worker = ?, done_at = now(),
             error = null
           where tenant_id = ? and run_id = ? and step = ? and seq = ? and state = 'pending'`,
          [JSON.stringify(counts), command.worker, ...key],
        ),
      );
      return { runId, seq, executed: true };
    } catch (error) {
      await this.tx
        .run(tenantId, (em) =>
          em.execute(
            `update run_chunks set attempts = attempts + 1, error = ?, worker = ?
             where tenant_id = ? and run_id = ? and step = ? and seq = ? and state = 'pending'`,
            [String((error as Error).message).slice(0, 1000), command.worker, ...key],
          ),
        )
        .catch(() => undefined);
      throw error;
    }
  }
}
