import { CommandMeta, TenantQuery } from '@qingshou/core';

/** GET /runs?asOf=: the tenant's runs, newest date first (one per kind and date). */
export class ListRuns extends TenantQuery {
  constructor(
    meta: CommandMeta,
    readonly asOf?: string,
    readonly limit = 50,
  ) {
    super(meta);
  }
}
