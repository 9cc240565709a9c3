import { ActorMeta, ActorQuery } from '@qingshou/core';
import type { DeliveryEventView, NoticeView } from '../support/notice-rows';

/** One notice with its deadline and delivery history. */
export class GetNotice extends ActorQuery {
  constructor(
    meta: ActorMeta,
    readonly noticeId: string,
  ) {
    super(meta);
  }
}

export interface NoticeDetail extends NoticeView {
  readonly deliveries: readonly DeliveryEventView[];
}

/** The stored HTML exactly as it was rendered when the notice was issued. */
export class GetNoticeHtml extends ActorQuery {
  constructor(
    meta: ActorMeta,
    readonly noticeId: string,
  ) {
    super(meta);
  }
}
