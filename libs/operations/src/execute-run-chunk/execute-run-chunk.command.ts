import { ActorCommand, ActorMeta } from '@qingshou/core';

/**
 * Evaluates one planned chunk of a fanned-out run step (run_chunks row `seq` of the run's
 * `step`), in whichever worker process took its job; `worker` names that process in the row.
 */
export class ExecuteRunChunk extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly runId: string,
    readonly step: string,
    readonly seq: number,
    readonly worker: string,
  ) {
    super(meta);
  }
}

export interface RunChunkResult {
  readonly runId: string;
  readonly seq: number;
  /** False when the chunk was already done (a redelivered job): nothing was counted again. */
  readonly executed: boolean;
}
