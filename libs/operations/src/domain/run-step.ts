import type { EntityManager } from '@mikro-orm/postgresql';
import type { LocalDate } from '@qingshou/calendar';
import type { ActorMeta } from '@qingshou/core';
import type { RunCounts } from './run-vocabulary';

/** A step's position inside itself: the last id it committed, and how far it has come. */
export interface StepProgress {
  readonly cursor: string | null;
  readonly done?: number;
  readonly total?: number;
}

/** What a step sees: the run, its date, and its own checkpoint to resume from. */
export interface RunStepContext {
  readonly runId: string;
  readonly tenantId: string;
  readonly asOf: LocalDate;
  /** Business time of this execution (the injected clock, read when it started). */
  readonly now: Date;
  readonly timeZone: string;
  /**
   * Commands sent by a step carry this: the system viewer (every case of the tenant), under
   * the run's actor and correlation. Whoever asked for the run, its steps act for the system.
   */
  readonly meta: ActorMeta;
  /** Where an interrupted execution of this step stopped (null: from the start). */
  readonly cursor: string | null;
  /**
   * Records that a chunk is done: its counts are added to the run's and the cursor moves on,
   * both only if the checkpoint is still where this execution left it (compare-and-set), so
   * two executors of one run never count a chunk twice. Pass the chunk's `em` to commit the
   * checkpoint with the chunk's own writes; without it the checkpoint commits by itself
   * after the chunk (the chunk's work must then be idempotent, as every command's is).
   * Throws when another executor moved the checkpoint first: with `em` that rolls the chunk
   * back; the executor then re-reads the run and carries on from where it stands.
   */
  checkpoint(progress: StepProgress, counts: RunCounts, em?: EntityManager): Promise<void>;
}

/**
 * One step of a run. Steps run in the order of the RUN_STEPS list, each idempotent for the
 * run's date and resumable from its cursor. `execute` returns the counts not yet
 * checkpointed (a step without chunks returns all of them); they are added when the step is
 * recorded as finished.
 */
export interface RunStep {
  readonly name: string;
  execute(ctx: RunStepContext): Promise<RunCounts>;
}

/**
 * The ordered step list, a DI token: OperationsModule provides the built-in steps, and an
 * app may provide a longer list (SLA monitor, notice dispatch, drive publication, reports,
 * retention) with `OperationsModule.withSteps([...])`.
 */
export const RUN_STEPS = Symbol('RUN_STEPS');
