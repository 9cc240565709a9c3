import { ActorCommand, ActorMeta } from '@qingshou/core';
import type { BalanceSummary } from '../read/balance-summary';

export interface PaymentInput {
  readonly accountId: string;
  /** Who reports the money (a bank feed, 'api', an import file); externalRef is unique in it. */
  readonly source: string;
  /** The payer's or bank's transaction reference (银行流水号): the idempotency key. */
  readonly externalRef: string;
  readonly paidOn: string;
  readonly amount: string;
  readonly note?: string | null;
}

export class RecordPayment extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly payment: PaymentInput,
  ) {
    super(meta);
  }
}

export interface PaymentView {
  readonly id: string;
  readonly accountId: string;
  readonly source: string;
  readonly externalRef: string;
  readonly paidOn: string;
  readonly amount: string;
  readonly reversesPaymentId: string | null;
  readonly note: string | null;
}

/** `created: false` means the same (source, externalRef) was already recorded: nothing changed. */
export interface RecordedPayment {
  readonly payment: PaymentView;
  readonly created: boolean;
  /** The account as of the tenant's business date after the command. */
  readonly balance: BalanceSummary;
}
