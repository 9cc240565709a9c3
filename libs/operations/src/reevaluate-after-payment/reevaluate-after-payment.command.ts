import { ActorCommand, ActorMeta } from '@qingshou/core';

/**
 * A payment (or its reversal) arrived during the day: the live cases of its account are
 * evaluated again as of today, so a case paid at 10:00 drops the call task due at 14:00 and
 * a reversal puts it back on the ladder. Sent once per relayed event (ConsumedEvents).
 */
export class ReevaluateAfterPayment extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly eventId: string,
    readonly accountId: string,
  ) {
    super(meta);
  }
}

export interface Reevaluated {
  /** False when this event was consumed before (a redelivery). */
  readonly ran: boolean;
  readonly asOf: string | null;
  readonly cases: number;
  readonly tasksCancelled: number;
  readonly stageChanges: number;
}
