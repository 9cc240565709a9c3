import { ActorMeta, ActorQuery } from '@qingshou/core';

/** GET /runs/{id}: state, progress (step, done/total, percent) and counts. */
export class GetRun extends ActorQuery {
  constructor(
    meta: ActorMeta,
    readonly runId: string,
  ) {
    super(meta);
  }
}
