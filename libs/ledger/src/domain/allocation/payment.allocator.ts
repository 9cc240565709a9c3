import { compareDates } from '../local-date';
import { dec, formatMoney, minMoney, MoneyInput } from '../money';
import {
  AllocationError,
  AllocationLine,
  AllocationResult,
  DEFAULT_ALLOCATION_ORDER,
  DueComponent,
  InstallmentDue,
} from './allocation.types';

/**
 * Settles installments oldest due date first (seq breaks ties) and, within one installment,
 * components in `order`; an installment is cleared completely before the next one is touched
 * (逐期清偿). Amounts must be fen-exact: callers round accruals before they are allocated.
 */
export function allocatePayment(
  amount: MoneyInput,
  dues: readonly InstallmentDue[],
  order: readonly DueComponent[] = DEFAULT_ALLOCATION_ORDER,
): AllocationResult {
  checkOrder(order);
  let left = dec(amount);
  if (!left.isPositive() || left.isZero()) {
    throw new AllocationError(`a payment to allocate must be positive, got ${left.toString()}`);
  }
  if (left.decimalPlaces() > 2) throw new AllocationError('payment must be whole fen');
  const sorted = [...dues].sort((a, b) => compareDates(a.dueDate, b.dueDate) || a.seq - b.seq);
  const lines: AllocationLine[] = [];
  for (const due of sorted) {
    for (const component of order) {
      if (left.isZero()) break;
      const owed = dec(due.amounts[component] ?? '0');
      if (owed.isNegative()) throw new AllocationError(`negative ${component} on #${due.seq}`);
      if (owed.isZero()) continue;
      const paid = minMoney(owed, left);
      left = left.minus(paid);
      lines.push({ seq: due.seq, component, amount: formatMoney(paid) });
    }
  }
  return { lines, overpayment: formatMoney(left) };
}

function checkOrder(order: readonly DueComponent[]): void {
  const wanted = [...DEFAULT_ALLOCATION_ORDER].sort().join();
  if ([...order].sort().join() !== wanted) {
    // A missing component would never be paid; a duplicate would be paid twice.
    throw new AllocationError(
      `allocation order must name each of ${DEFAULT_ALLOCATION_ORDER.join(', ')} exactly once`,
    );
  }
}
