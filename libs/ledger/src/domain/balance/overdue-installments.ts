import Decimal from 'decimal.js';
import { PaymentEntry } from '../allocation/payment-ledger';
import { compareDates, LocalDate } from '../local-date';
import { dec, ZERO } from '../money';
import { Installment } from '../schedule/schedule.types';

/**
 * 逾期期数 as a housing-fund or co-op office counts them (篇九: 按月还款): each installment
 * due before `asOf` is one 期, and a 期 is missed when the borrower did not pay it by its
 * due date. What counts for installment i is the money received in its own window — after
 * the previous installment's due date, up to and including its own — plus any credit paid
 * ahead (receipts before the window beyond everything due before it). Money paid to catch
 * up arrears therefore never turns a missed month into a kept one: the months stay counted.
 *
 * - cumulative (累计逾期期数): missed 期 in the loan's life so far.
 * - consecutive (连续逾期期数): the run of missed 期 ending at the latest one due (0 when
 *   that one was kept).
 *
 * Receipts are those that count as of `asOf` (effectivePayments: a receipt reversed on or
 * before it is left out). The SQL twin is overdue-installments.sql.ts beside this file;
 * test/policy/overdue-installments-sql.spec.ts holds them equal.
 */
export interface OverdueInstallments {
  consecutive: number;
  cumulative: number;
}

export function countOverdueInstallments(
  schedule: readonly Installment[],
  receipts: readonly PaymentEntry[],
  asOf: LocalDate,
): OverdueInstallments {
  const due = [...schedule]
    .filter((i) => compareDates(i.dueDate, asOf) < 0)
    .sort((a, b) => compareDates(a.dueDate, b.dueDate) || a.seq - b.seq);
  // One sweep: due dates ascend, so the money received through each of them is a running
  // sum over the receipts sorted by date (the nightly run prices every account).
  const paid = receipts
    .filter((r) => compareDates(r.date, asOf) <= 0)
    .sort((a, b) => compareDates(a.date, b.date));
  let next = 0;
  let received = ZERO;
  const receivedThrough = (date: LocalDate): Decimal => {
    while (next < paid.length && compareDates(paid[next].date, date) <= 0) {
      received = received.plus(dec(paid[next].amount));
      next += 1;
    }
    return received;
  };
  let dueBefore = ZERO;
  let throughPrevious = ZERO;
  let cumulative = 0;
  let consecutive = 0;
  for (const inst of due) {
    const amount = dec(inst.principal).plus(dec(inst.interest));
    const ahead = Decimal.max(ZERO, throughPrevious.minus(dueBefore));
    const throughOwn = receivedThrough(inst.dueDate);
    const kept = throughOwn.minus(throughPrevious).plus(ahead).gte(amount);
    dueBefore = dueBefore.plus(amount);
    throughPrevious = throughOwn;
    if (kept) {
      consecutive = 0;
    } else {
      cumulative += 1;
      consecutive += 1;
    }
  }
  return { consecutive, cumulative };
}
