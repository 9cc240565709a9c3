import { ActorMeta, ActorQuery } from '@qingshou/core';

/** GET /imports/{id}: status, counts and progress (rows done, rows/s). */
export class GetImport extends ActorQuery {
  constructor(
    meta: ActorMeta,
    readonly importId: string,
  ) {
    super(meta);
  }
}
