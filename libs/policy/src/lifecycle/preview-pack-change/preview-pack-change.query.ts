import { CommandMeta, TenantQuery } from '@qingshou/core';

/** What installing or upgrading to this pack, version and parameters would change. */
export class PreviewPackChange extends TenantQuery {
  constructor(
    meta: CommandMeta,
    readonly packId: string,
    readonly version: string | undefined,
    readonly params: Readonly<Record<string, unknown>>,
  ) {
    super(meta);
  }
}
