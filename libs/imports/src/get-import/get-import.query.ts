import { CommandMeta, TenantQuery } from '@qingshou/core';

/** GET /imports/{id}: status, counts and progress (rows done, rows/s). */
export class GetImport extends TenantQuery {
  constructor(
    meta: CommandMeta,
    readonly importId: string,
  ) {
    super(meta);
  }
}
