import { DueComponent } from '../allocation/allocation.types';
import { PaymentEntry } from '../allocation/payment-ledger';
import { LocalDate } from '../local-date';
import { MoneyInput } from '../money';
import { DayCountBasis, RateInput } from '../rate';
import { Installment } from '../schedule/schedule.types';
import { DpdBand } from './dpd-threshold';
import { LoanClass } from './loan-class';
import { OverdueInstallments } from './overdue-installments';

/**
 * A charge other than interest (collection cost, late fee, legal fee). It belongs to the
 * installment named by `seq`; without one, to the latest installment due on or before the fee
 * date (the one whose lateness caused it), or the first installment if none is due yet.
 */
export interface Fee {
  id?: string;
  date: LocalDate;
  amount: MoneyInput;
  seq?: number;
  kind?: string;
}

export interface LoanAccount {
  /** Contract principal; must equal the schedule's principal column. */
  principal: MoneyInput;
  annualRate: RateInput;
  /** Default 360 (DESIGN §4); the pack may say 365. */
  dayCountBasis?: DayCountBasis;
  /** 罚息 markup: penalty rate = annualRate × (1 + markup); 0.5 is typical. */
  penaltyMarkup: RateInput;
  /** 复利 on overdue unpaid contractual interest, at the penalty rate. */
  compoundInterest: boolean;
  /** The order a payment settles components; absent: BalanceOptions', else the default. */
  allocationOrder?: readonly DueComponent[];
  /**
   * Terms that applied before the ones above (a pack upgrade changed them), oldest first:
   * each governs the days up to and including its `through` date, the fields above the days
   * after the last one. Absent or empty: the fields above govern every day.
   */
  earlierTerms?: readonly EarlierTerms[];
  schedule: readonly Installment[];
  fees?: readonly Fee[];
  payments?: readonly PaymentEntry[];
}

/** The terms in force up to and including `through` (see LoanAccount.earlierTerms). */
export interface EarlierTerms {
  through: LocalDate;
  penaltyMarkup: RateInput;
  compoundInterest: boolean;
  dayCountBasis?: DayCountBasis;
  allocationOrder?: readonly DueComponent[];
}

export interface BalanceOptions {
  allocationOrder?: readonly DueComponent[];
  agingBuckets?: readonly DpdBand<string>[];
  loanClassBands?: readonly DpdBand<LoanClass>[];
}

/** What is still owed on one installment as of the date. */
export interface InstallmentBalance {
  seq: number;
  dueDate: LocalDate;
  principal: string;
  interest: string;
  fees: string;
  penaltyInterest: string;
  compoundInterest: string;
  /** Days since the due date while principal or interest is unpaid; 0 once settled or not due. */
  dpd: number;
}

/** One slice of a receipt applied to one component of one installment. */
export interface PaidLine {
  paymentId: string;
  /** When the money was applied: the receipt date, or a later due date for carried credit. */
  date: LocalDate;
  seq: number;
  component: DueComponent;
  amount: string;
}

export interface Balance {
  asOf: LocalDate;
  /** Principal of installments whose due date is before asOf, still unpaid. */
  overduePrincipal: string;
  /** Contractual interest of installments whose due date is before asOf, still unpaid. */
  overdueInterest: string;
  /** Principal + interest falling due on asOf itself (due, but not yet overdue). */
  dueToday: string;
  penaltyInterest: string;
  compoundInterest: string;
  fees: string;
  /** Everything payable on asOf: the six figures above. */
  totalDue: string;
  /** All unpaid principal, including installments not yet due. */
  outstandingPrincipal: string;
  /** Money received but not yet needed by any due installment (carried forward as credit). */
  overpayment: string;
  dpd: number;
  agingBucket: string;
  loanClass: LoanClass;
  /** 连续/累计逾期期数 (overdue-installments.ts); shown where the pack counts by 期数. */
  overdueInstallments: OverdueInstallments;
  installments: InstallmentBalance[];
  allocations: PaidLine[];
  reversedPaymentIds: string[];
}
