import { ActorCommand, ActorMeta } from '@qingshou/core';
import type { RunKind } from '../domain/run-vocabulary';
import type { RunMode } from '../support/run-scope';
import type { RunView } from '../support/run-rows';

/**
 * POST /runs/escalation, the scheduler and the CLI: the run of a (tenant, kind, date),
 * created if it does not exist. A second request of the same day returns the first run
 * (`created: false`) and creates nothing; a failed run is queued again and resumes from its
 * checkpoint. With `enqueue` the run is handed to the worker (job id = run id).
 */
export class RequestRun extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly kind: RunKind,
    /** YYYY-MM-DD; default today in the tenant's zone. */
    readonly asOf: string | undefined,
    readonly enqueue: boolean,
    /**
     * `incremental` (the scheduler, the CLI without --full) recomputes only what changed or
     * fell due since the last run; `full` (the admin's request, `run --full`) every account.
     * A second request of a date keeps the first one's mode.
     */
    readonly mode: RunMode = 'full',
  ) {
    super(meta);
  }
}

export interface RequestedRun {
  readonly run: RunView;
  readonly created: boolean;
}
