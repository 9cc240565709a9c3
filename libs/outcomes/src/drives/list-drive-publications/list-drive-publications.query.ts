import { CommandMeta, Role, TenantQuery } from '@qingshou/core';

/** A drive's stored publications, newest first; unpublished public lists stay sealed. */
export class ListDrivePublications extends TenantQuery {
  constructor(
    meta: CommandMeta,
    readonly roles: readonly Role[],
    readonly driveId: string,
  ) {
    super(meta);
  }
}
