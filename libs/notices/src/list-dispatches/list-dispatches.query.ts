import { ActorMeta, ActorQuery } from '@qingshou/core';

/** Every dispatch of one notice: channel, masked recipient, state, attempts, last error. */
export class ListNoticeDispatches extends ActorQuery {
  constructor(
    meta: ActorMeta,
    readonly noticeId: string,
  ) {
    super(meta);
  }
}
