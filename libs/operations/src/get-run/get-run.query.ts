import { CommandMeta, TenantQuery } from '@qingshou/core';

/** GET /runs/{id}: state, progress (step, done/total, percent) and counts. */
export class GetRun extends TenantQuery {
  constructor(
    meta: CommandMeta,
    readonly runId: string,
  ) {
    super(meta);
  }
}
