import { compareDates, LocalDate } from '../local-date';
import { dec, MoneyInput } from '../money';
import { AllocationError } from './allocation.types';

/**
 * One entry of an account's append-only payment list. A receipt has a positive amount; a
 * reversal (冲正) has the negative amount of the receipt it names in `reverses`. Entries are
 * never edited or deleted, so the list is its own audit trail.
 */
export interface PaymentEntry {
  id: string;
  date: LocalDate;
  amount: MoneyInput;
  reverses?: string;
}

export interface EffectivePayments {
  /** Receipts that count as of the date, oldest first (list order breaks ties). */
  payments: PaymentEntry[];
  /** Receipts cancelled by a reversal dated on or before asOf. */
  reversedIds: string[];
}

/**
 * Allocation is recomputed from scratch on every balance calculation, so a reversal needs no
 * compensating lines: a receipt reversed on or before asOf is simply left out, and the
 * balance comes out as if the money never arrived — including the penalty that kept
 * accruing on the principal it had seemed to repay. As of a date before the reversal, the
 * receipt still counts, so historical statements reproduce what was shown at the time.
 */
export function effectivePayments(
  entries: readonly PaymentEntry[],
  asOf: LocalDate,
): EffectivePayments {
  checkLedger(entries);
  const reversedIds = entries
    .filter((e) => e.reverses !== undefined && compareDates(e.date, asOf) <= 0)
    .map((e) => e.reverses as string);
  const payments = entries
    .map((entry, index) => ({ entry, index }))
    .filter(({ entry }) => entry.reverses === undefined)
    .filter(({ entry }) => compareDates(entry.date, asOf) <= 0)
    .filter(({ entry }) => !reversedIds.includes(entry.id))
    .sort((a, b) => compareDates(a.entry.date, b.entry.date) || a.index - b.index)
    .map(({ entry }) => entry);
  return { payments, reversedIds };
}

/**
 * Receipts first, then reversals: a reversal and its receipt recorded on the same day in the
 * same instant (a frozen clock, one batch) may be loaded in either order, so the check must
 * not depend on it.
 */
function checkLedger(entries: readonly PaymentEntry[]): void {
  const ids = new Set<string>();
  for (const e of entries) {
    if (ids.has(e.id)) throw new AllocationError(`duplicate payment id ${e.id}`);
    ids.add(e.id);
  }
  const receipts = new Map<string, PaymentEntry>();
  for (const e of entries) {
    if (dec(e.amount).decimalPlaces() > 2) {
      throw new AllocationError(`payment ${e.id} is not whole fen`);
    }
    if (e.reverses !== undefined) continue;
    const amount = dec(e.amount);
    if (!amount.isPositive() || amount.isZero()) {
      throw new AllocationError(`payment ${e.id} must be positive; use a reversal to undo one`);
    }
    receipts.set(e.id, e);
  }
  const reversed = new Set<string>();
  for (const e of entries) {
    if (e.reverses === undefined) continue;
    const original = receipts.get(e.reverses);
    if (!original) {
      throw new AllocationError(`reversal ${e.id} names no earlier receipt (${e.reverses})`);
    }
    if (reversed.has(original.id)) throw new AllocationError(`${original.id} reversed twice`);
    if (!dec(e.amount).negated().equals(dec(original.amount))) {
      throw new AllocationError(`reversal ${e.id} must be exactly −${original.amount}`);
    }
    if (compareDates(e.date, original.date) < 0) {
      throw new AllocationError(`reversal ${e.id} is dated before receipt ${original.id}`);
    }
    reversed.add(original.id);
  }
}
