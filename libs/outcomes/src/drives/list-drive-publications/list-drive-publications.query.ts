import { ActorMeta, ActorQuery } from '@qingshou/core';

/** A drive's stored publications, newest first; unpublished public lists stay sealed. */
export class ListDrivePublications extends ActorQuery {
  constructor(
    meta: ActorMeta,
    readonly driveId: string,
  ) {
    super(meta);
  }
}
