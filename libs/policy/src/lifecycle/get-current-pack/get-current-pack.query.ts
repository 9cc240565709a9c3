import { ActorMeta, ActorQuery } from '@qingshou/core';

/** The tenant's active installation with its pinned snapshot. */
export class GetCurrentPack extends ActorQuery {
  constructor(meta: ActorMeta) {
    super(meta);
  }
}
