import { CommandMeta, TenantQuery } from '@qingshou/core';

/** The tenant's active installation with its pinned snapshot. */
export class GetCurrentPack extends TenantQuery {
  constructor(meta: CommandMeta) {
    super(meta);
  }
}
