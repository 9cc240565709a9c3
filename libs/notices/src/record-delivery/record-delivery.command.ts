import type { LocalDate } from '@qingshou/calendar';
import { ActorCommand, ActorMeta } from '@qingshou/core';
import type { DeliveryStatus } from '../domain/delivery';
import type { NoticeView } from '../support/notice-rows';

/**
 * A delivery report: sent on a date, or signed for, refused, undeliverable (letters),
 * delivered or failed (sms, e-mail). Recomputes the notice's deadline.
 */
export class RecordDelivery extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly noticeId: string,
    readonly status: DeliveryStatus,
    readonly on: LocalDate,
  ) {
    super(meta);
  }
}

export interface RecordedDelivery {
  readonly notice: NoticeView;
  /** false when the same report had already been recorded. */
  readonly changed: boolean;
}
