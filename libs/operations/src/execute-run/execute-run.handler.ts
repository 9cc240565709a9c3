import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { requirePermission, systemMeta, viewerOf } from '@qingshou/core';
import { Clock } from '@qingshou/calendar';
import { TenantTx } from '@qingshou/db';
import { RUN_STEPS, type RunStep, type RunStepContext } from '../domain/run-step';
import { viewOf, type RunRow, type RunView } from '../support/run-rows';
import { tenantTimeZone } from '../support/tenant-zone';
import { ExecuteRun } from './execute-run.command';
import { CheckpointMoved, type Position, RunStore } from './run-store';

/**
 * The step loop. Each pass re-reads the run row and executes the step it names from the
 * cursor it holds, so a crash anywhere (SIGKILL included) resumes at the last checkpoint:
 * the chunk in flight rolls back or, if it committed, is redone idempotently.
 */
@CommandHandler(ExecuteRun)
export class ExecuteRunHandler implements ICommandHandler<ExecuteRun, RunView> {
  private readonly logger = new Logger('DailyRun');

  constructor(
    private readonly tx: TenantTx,
    private readonly store: RunStore,
    private readonly clock: Clock,
    @Inject(RUN_STEPS) private readonly steps: readonly RunStep[],
  ) {
    const names = steps.map((s) => s.name);
    const twice = names.find((n, i) => names.indexOf(n) !== i);
    if (twice) throw new Error(`Run step "${twice}" is listed twice`);
  }

  async execute(command: ExecuteRun): Promise<RunView> {
    requirePermission(viewerOf(command), 'run.start');
    const { tenantId, runId } = command;
    const started = await this.store.start(tenantId, runId, this.clock.now());
    if (!started) return viewOf(await this.store.read(tenantId, runId));
    if (started.attempts > 1) {
      this.logger.log(`run ${runId} (${started.asOf}) resumes at step ${started.stepIndex}`);
    }
    const timeZone = await this.tx.run(tenantId, (em) => tenantTimeZone(em, tenantId));
    try {
      for (;;) {
        const run = await this.store.read(tenantId, runId);
        if (run.state !== 'running') return viewOf(run);
        const index = this.indexOf(run);
        if (index >= this.steps.length) {
          const done = await this.store.succeed(tenantId, runId, command, this.clock.now());
          await command.options.onProgress?.(viewOf(done));
          return viewOf(done);
        }
        await this.runStep(command, run, index, timeZone);
      }
    } catch (error) {
      await this.store
        .recordError(
          tenantId,
          runId,
          error as Error,
          command.options.finalAttempt ?? false,
          command,
          this.clock.now(),
        )
        .catch(() => undefined);
      throw error;
    }
  }

  private async runStep(command: ExecuteRun, run: RunRow, index: number, timeZone: string) {
    const step = this.steps[index];
    let at: Position = {
      tenantId: run.tenantId,
      runId: run.id,
      stepIndex: run.stepIndex,
      step: step.name,
      stepsTotal: this.steps.length,
      cursor: run.cursor,
    };
    const report = async () =>
      command.options.onProgress?.(viewOf(await this.store.read(run.tenantId, run.id)));
    try {
      await this.store.enterStep(at, this.clock.now());
      const ctx: RunStepContext = {
        runId: run.id,
        tenantId: run.tenantId,
        asOf: run.asOf,
        now: this.clock.now(),
        timeZone,
        meta: systemMeta({
          tenantId: run.tenantId,
          actorId: command.actorId,
          correlationId: command.correlationId,
        }),
        cursor: run.cursor,
        checkpoint: async (progress, counts, em) => {
          await this.store.checkpoint(at, progress, counts, this.clock.now(), em);
          at = { ...at, cursor: progress.cursor };
          // Reported after the chunk's commit when it shares the transaction: a late
          // progress line is harmless, a rolled-back one would not be.
          if (!em) await report();
          else setImmediate(() => void report().catch(() => undefined));
        },
      };
      const rest = await step.execute(ctx);
      await this.store.finishStep(at, rest, this.clock.now());
      await report();
    } catch (error) {
      // Someone else moved the run on; the loop re-reads it and continues from there.
      if (!(error instanceof CheckpointMoved)) throw error;
      this.logger.warn(`run ${run.id}: checkpoint moved under step ${step.name}; re-reading`);
    }
  }

  /**
   * The position of the run's step in the current list: by name when the row names one (the
   * list may have grown since the run started), else by index.
   */
  private indexOf(run: RunRow): number {
    if (run.step) {
      const byName = this.steps.findIndex((s) => s.name === run.step);
      if (byName >= 0 && byName !== run.stepIndex) {
        throw new Error(`run ${run.id}: step ${run.step} moved in the step list; cannot resume`);
      }
    }
    return run.stepIndex;
  }
}
