import { ActorMeta, ActorQuery } from '@qingshou/core';

/** What installing or upgrading to this pack, version and parameters would change. */
export class PreviewPackChange extends ActorQuery {
  constructor(
    meta: ActorMeta,
    readonly packId: string,
    readonly version: string | undefined,
    readonly params: Readonly<Record<string, unknown>>,
  ) {
    super(meta);
  }
}
