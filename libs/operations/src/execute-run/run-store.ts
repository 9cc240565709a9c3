import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { EventLog, TenantTx } from '@qingshou/db';
import { RUN_EVENTS, addCounts, type RunCounts } from '../domain/run-vocabulary';
import type { StepProgress } from '../domain/run-step';
import { loadRun, percentOf, type RunRow, type StepRecord } from '../support/run-rows';

/** Another executor moved the checkpoint first: this one rolls its chunk back and re-reads. */
export class CheckpointMoved extends Error {
  constructor() {
    super('the run checkpoint moved under this executor');
  }
}

/** Where the executor believes the run stands; every write checks it still does. */
export interface Position {
  readonly tenantId: string;
  readonly runId: string;
  readonly stepIndex: number;
  readonly step: string;
  readonly stepsTotal: number;
  readonly cursor: string | null;
}

interface StepState {
  stepCounts?: RunCounts;
  stepStartedAt?: string;
}

/**
 * The run row's state changes, each a compare-and-set on (state, step, cursor) under the
 * row lock, so a second executor of the same run (a stalled job picked up while the first
 * still ran, the CLI beside the worker) can never add a chunk's counts twice or finish a
 * run twice. The audit events ride on the state change that records them.
 */
@Injectable()
export class RunStore {
  constructor(
    private readonly tx: TenantTx,
    private readonly events: EventLog,
  ) {}

  /** queued/running → running, one attempt more; null when the run already finished. */
  start(tenantId: string, runId: string, now: Date): Promise<RunRow | null> {
    return this.tx.run(tenantId, async (em) => {
      const run = await loadRun(em, tenantId, runId, true);
      if (run.state === 'succeeded' || run.state === 'failed') return null;
      await em.execute(
        `update runs set state = 'running', attempts = attempts + 1, error = null,
           started_at = coalesce(started_at, ?), updated_at = ?
         where tenant_id = ? and id = ?`,
        [now, now, tenantId, runId],
      );
      return loadRun(em, tenantId, runId);
    });
  }

  read(tenantId: string, runId: string): Promise<RunRow> {
    return this.tx.run(tenantId, (em) => loadRun(em, tenantId, runId));
  }

  /** A chunk is done: cursor and counts move together, in `em`'s transaction if given. */
  async checkpoint(
    at: Position,
    progress: StepProgress,
    counts: RunCounts,
    now: Date,
    em?: EntityManager,
  ): Promise<void> {
    const write = async (tx: EntityManager) => {
      const run = await this.lockAt(tx, at);
      const state = (run.progress ?? {}) as StepState;
      const stepCounts = addCounts({ ...(state.stepCounts ?? {}) }, counts);
      await tx.execute(
        `update runs set cursor = ?, counts = ?::jsonb, progress = ?::jsonb, updated_at = ?
         where tenant_id = ? and id = ?`,
        [
          progress.cursor,
          JSON.stringify(addCounts({ ...run.counts }, counts)),
          JSON.stringify({
            ...this.progressOf(at, progress.done ?? 0, progress.total ?? null),
            stepCounts,
            stepStartedAt: state.stepStartedAt ?? now.toISOString(),
          }),
          now,
          at.tenantId,
          at.runId,
        ],
      );
    };
    if (em) await write(em);
    else await this.tx.run(at.tenantId, write);
  }

  /** The step is done: its record is kept and the run moves to the next step's start. */
  finishStep(at: Position, counts: RunCounts, now: Date): Promise<void> {
    return this.tx.run(at.tenantId, async (em) => {
      const run = await this.lockAt(em, at);
      const state = (run.progress ?? {}) as StepState;
      const started = state.stepStartedAt ? Date.parse(state.stepStartedAt) : now.getTime();
      const record: StepRecord = {
        name: at.step,
        counts: addCounts({ ...(state.stepCounts ?? {}) }, counts),
        ms: Math.max(0, now.getTime() - started),
        finishedAt: now.toISOString(),
      };
      const next = at.stepIndex + 1;
      await em.execute(
        `update runs set step_index = ?, step = null, cursor = null, counts = ?::jsonb,
           steps = steps || ?::jsonb, progress = ?::jsonb, updated_at = ?
         where tenant_id = ? and id = ?`,
        [
          next,
          JSON.stringify(addCounts({ ...run.counts }, counts)),
          JSON.stringify([record]),
          JSON.stringify({
            ...this.progressOf({ ...at, stepIndex: next }, 0, null),
            stepCounts: {},
          }),
          now,
          at.tenantId,
          at.runId,
        ],
      );
    });
  }

  /** Marks the step being entered (its name and start time) unless another executor did. */
  enterStep(at: Position, now: Date): Promise<void> {
    return this.tx.run(at.tenantId, async (em) => {
      const run = await this.lockAt(em, at);
      if (run.step === at.step) return;
      await em.execute(
        `update runs set step = ?, progress = ?::jsonb, updated_at = ? where tenant_id = ? and id = ?`,
        [
          at.step,
          JSON.stringify({
            ...this.progressOf(at, 0, null),
            stepCounts: {},
            stepStartedAt: now.toISOString(),
          }),
          now,
          at.tenantId,
          at.runId,
        ],
      );
    });
  }

  /** running → succeeded with a RunFinished event, exactly once. */
  succeed(tenantId: string, runId: string, meta: EventMeta, now: Date): Promise<RunRow> {
    return this.tx.run(tenantId, async (em) => {
      const run = await loadRun(em, tenantId, runId, true);
      if (run.state !== 'running') return run;
      await em.execute(
        `update runs set state = 'succeeded', finished_at = ?, updated_at = ?, progress = ?::jsonb,
           step = null, cursor = null
         where tenant_id = ? and id = ?`,
        [
          now,
          now,
          JSON.stringify({
            step: null,
            stepIndex: run.stepIndex,
            stepsTotal: run.stepIndex,
            done: 0,
            total: null,
            percent: 100,
          }),
          tenantId,
          runId,
        ],
      );
      const summary = { runId, kind: run.kind, asOf: run.asOf, counts: run.counts };
      await this.events.append(em, { ...meta, tenantId, occurredAt: now }, [
        {
          type: RUN_EVENTS.finished,
          aggregateType: 'run',
          aggregateId: runId,
          payload: summary,
          before: { state: 'running' },
          after: { state: 'succeeded', counts: run.counts },
          publish: ['domain-events'],
        },
      ]);
      return loadRun(em, tenantId, runId);
    });
  }

  /** Keeps the error on the row; on the final attempt the run fails (a RunFailed event, once). */
  async recordError(
    tenantId: string,
    runId: string,
    error: Error,
    final: boolean,
    meta: EventMeta,
    now: Date,
  ): Promise<void> {
    await this.tx.run(tenantId, async (em) => {
      const run = await loadRun(em, tenantId, runId, true);
      if (run.state !== 'running') return;
      const message = error.message.slice(0, 1000);
      await em.execute(
        `update runs set error = ?, updated_at = ?${final ? `, state = 'failed', finished_at = ?` : ''}
         where tenant_id = ? and id = ?`,
        final ? [message, now, now, tenantId, runId] : [message, now, tenantId, runId],
      );
      if (final) {
        await this.events.append(em, { ...meta, tenantId, occurredAt: now }, [
          {
            type: RUN_EVENTS.failed,
            aggregateType: 'run',
            aggregateId: runId,
            payload: { runId, asOf: run.asOf, step: run.step, error: message },
            before: { state: 'running' },
            after: { state: 'failed', error: message },
          },
        ]);
      }
    });
  }

  private async lockAt(em: EntityManager, at: Position): Promise<RunRow> {
    const run = await loadRun(em, at.tenantId, at.runId, true);
    if (run.state !== 'running' || run.stepIndex !== at.stepIndex || run.cursor !== at.cursor) {
      throw new CheckpointMoved();
    }
    return run;
  }

  private progressOf(at: Position, done: number, total: number | null) {
    return {
      step: at.step,
      stepIndex: at.stepIndex,
      stepsTotal: at.stepsTotal,
      done,
      total,
      percent: percentOf(at.stepIndex, at.stepsTotal, done, total),
    };
  }
}

export interface EventMeta {
  readonly actorId: string;
  readonly correlationId: string;
}
