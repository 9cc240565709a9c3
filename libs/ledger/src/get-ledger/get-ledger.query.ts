import { ActorMeta, ActorQuery } from '@qingshou/core';
import type { PaidLine } from '../domain/balance/account.types';
import type { AccountRow } from '../read/loan-rows';
import type { BalanceSummary } from '../read/balance-summary';
import type { PaymentView } from '../record-payment/record-payment.command';

/** 台账: the installment-level ledger of one account as of a date. */
export class GetLedger extends ActorQuery {
  constructor(
    meta: ActorMeta,
    readonly accountId: string,
    readonly asOf?: string,
  ) {
    super(meta);
  }
}

type Components = Record<'fees' | 'penalty' | 'compound' | 'interest' | 'principal', string>;

export interface LedgerInstallment {
  readonly seq: number;
  readonly dueDate: string;
  readonly scheduled: { readonly principal: string; readonly interest: string };
  /** What receipts settled on this installment up to asOf, by component. */
  readonly paid: Components;
  readonly outstanding: {
    readonly principal: string;
    readonly interest: string;
    readonly fees: string;
    readonly penaltyInterest: string;
    readonly compoundInterest: string;
  };
  readonly dpd: number;
}

export interface LedgerPayment extends PaymentView {
  /** effective: counts; reversed: cancelled by a reversal dated on or before asOf; reversal: the negative row. */
  readonly status: 'effective' | 'reversed' | 'reversal';
}

export interface LedgerView {
  readonly asOf: string;
  readonly account: AccountRow;
  readonly installments: readonly LedgerInstallment[];
  /** Payment rows dated on or before asOf, in booking order. */
  readonly payments: readonly LedgerPayment[];
  readonly allocations: readonly PaidLine[];
  readonly balance: BalanceSummary;
}
