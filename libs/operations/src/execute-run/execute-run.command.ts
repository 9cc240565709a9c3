import { ActorCommand, ActorMeta } from '@qingshou/core';
import type { RunView } from '../support/run-rows';

export interface ExecuteRunOptions {
  /** After every checkpoint and step: the CLI's progress bar, the job's progress. */
  readonly onProgress?: (run: RunView) => void | Promise<void>;
  /** The job's last attempt (or the CLI): an error then marks the run failed. */
  readonly finalAttempt?: boolean;
}

/**
 * Executes a requested run from its checkpoint to the end: the worker's `runs` job, or the
 * CLI in-process. A finished run is returned as it is; an interrupted one resumes in the step
 * and after the chunk its checkpoint names.
 */
export class ExecuteRun extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly runId: string,
    readonly options: ExecuteRunOptions = {},
  ) {
    super(meta);
  }
}
