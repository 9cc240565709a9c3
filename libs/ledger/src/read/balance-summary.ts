import { DomainError } from '@qingshou/core';
import { AllocationError } from '../domain/allocation/allocation.types';
import type { Balance, BalanceOptions, LoanAccount } from '../domain/balance/account.types';
import { BalanceError, computeBalance } from '../domain/balance/balance.calculator';
import type { LocalDate } from '../domain/local-date';

/** The figures of a balance without the per-installment detail; amounts are fen strings. */
export type BalanceSummary = Omit<Balance, 'installments' | 'allocations' | 'reversedPaymentIds'>;

export function summarise(balance: Balance): BalanceSummary {
  const { installments: _i, allocations: _a, reversedPaymentIds: _r, ...summary } = balance;
  return summary;
}

/**
 * computeBalance refuses inconsistent stored data (a schedule not summing to the principal,
 * a malformed reversal chain). That is not the caller's fault and not a crash either: it is
 * reported as 422 with the account named, so the row can be fixed.
 */
export function balanceOf(
  accountId: string,
  loan: LoanAccount,
  asOf: LocalDate,
  options: BalanceOptions,
): Balance {
  try {
    return computeBalance(loan, asOf, options);
  } catch (error) {
    if (error instanceof BalanceError || error instanceof AllocationError) {
      throw new DomainError(
        'ledger-inconsistent',
        `The ledger of account ${accountId} is inconsistent: ${error.message}`,
        422,
      );
    }
    throw error;
  }
}
