import { ActorMeta, ActorQuery } from '@qingshou/core';

/** GET /runs?asOf=: the tenant's runs, newest date first (one per kind and date). */
export class ListRuns extends ActorQuery {
  constructor(
    meta: ActorMeta,
    readonly asOf?: string,
    readonly limit = 50,
  ) {
    super(meta);
  }
}
