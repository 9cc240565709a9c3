import { ActorMeta, ActorQuery } from '@qingshou/core';

/** Every installation of the tenant, newest first, without the snapshots. */
export class ListPackInstallations extends ActorQuery {
  constructor(meta: ActorMeta) {
    super(meta);
  }
}
