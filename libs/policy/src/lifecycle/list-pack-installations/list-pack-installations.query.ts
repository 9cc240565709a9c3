import { CommandMeta, TenantQuery } from '@qingshou/core';

/** Every installation of the tenant, newest first, without the snapshots. */
export class ListPackInstallations extends TenantQuery {
  constructor(meta: CommandMeta) {
    super(meta);
  }
}
