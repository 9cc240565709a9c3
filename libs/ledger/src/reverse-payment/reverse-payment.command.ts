import { ActorCommand, ActorMeta } from '@qingshou/core';
import type { RecordedPayment } from '../record-payment/record-payment.command';

export interface ReversalInput {
  readonly paymentId: string;
  /** 冲正 reason, kept on the reversal row and in the event. */
  readonly reason: string;
  /** The date the reversal takes effect; defaults to the tenant's business date. */
  readonly reversedOn?: string;
  /** The bank's reference for the reversal, if any; defaults to `<receipt ref>:reversal`. */
  readonly externalRef?: string;
}

export class ReversePayment extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly reversal: ReversalInput,
  ) {
    super(meta);
  }
}

/** `payment` is the new negative row; `created: false` when the receipt was already reversed. */
export type ReversedPayment = RecordedPayment;
