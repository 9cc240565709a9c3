import { CommandMeta, TenantQuery } from '@qingshou/core';

/** Every dispatch of one notice: channel, masked recipient, state, attempts, last error. */
export class ListNoticeDispatches extends TenantQuery {
  constructor(
    meta: CommandMeta,
    readonly noticeId: string,
  ) {
    super(meta);
  }
}
