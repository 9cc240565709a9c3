import { LocalDate } from '../local-date';
import { MoneyInput } from '../money';

/** What a payment can settle within one installment. */
export type DueComponent = 'fees' | 'penalty' | 'compound' | 'interest' | 'principal';

/**
 * Default order within an installment: costs first, then 罚息, 复利, contractual interest and
 * principal last — the order PRC lenders apply (先费用、后罚息复利、再利息、最后本金), which also
 * keeps the penalty base (principal) as large as possible for as long as possible.
 */
export const DEFAULT_ALLOCATION_ORDER: readonly DueComponent[] = [
  'fees',
  'penalty',
  'compound',
  'interest',
  'principal',
];

/** Amounts still owed on one installment at the moment of allocation. */
export interface InstallmentDue {
  seq: number;
  dueDate: LocalDate;
  amounts: Partial<Record<DueComponent, MoneyInput>>;
}

export interface AllocationLine {
  seq: number;
  component: DueComponent;
  amount: string;
}

export interface AllocationResult {
  lines: AllocationLine[];
  /** What was left after every due amount was settled ('0.00' if nothing). */
  overpayment: string;
}

export class AllocationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AllocationError';
  }
}
