import Decimal from 'decimal.js';
import { addMonths, LocalDate } from '../local-date';
import { dec, formatMoney, MoneyInput } from '../money';
import { parseRate, RateInput } from '../rate';

/** One row of a repayment schedule. Amounts are fen-exact decimal strings ('8556.17'). */
export interface Installment {
  seq: number;
  dueDate: LocalDate;
  principal: string;
  interest: string;
}

/** Shared by the monthly schedules (等额本息, 等额本金, interest-only, bullet). */
export interface MonthlyScheduleParams {
  principal: MoneyInput;
  annualRate: RateInput;
  termMonths: number;
  /** Disbursement date; installment k falls due k months later unless firstDueDate is given. */
  startDate: LocalDate;
  /** Installment k falls due on firstDueDate + (k − 1) months, clamped to month end. */
  firstDueDate?: LocalDate;
}

export class ScheduleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScheduleError';
  }
}

export interface CheckedMonthlyParams {
  principal: Decimal;
  annualRate: Decimal;
  monthlyRate: Decimal;
  termMonths: number;
  dueDates: LocalDate[];
}

export function checkMonthlyParams(params: MonthlyScheduleParams): CheckedMonthlyParams {
  const principal = dec(params.principal);
  const annualRate = parseRate(params.annualRate);
  const n = params.termMonths;
  if (!principal.isPositive() || principal.isZero()) {
    throw new ScheduleError(`principal must be positive, got ${principal.toString()}`);
  }
  if (principal.decimalPlaces() > 2) {
    throw new ScheduleError(`principal must be whole fen, got ${principal.toString()}`);
  }
  if (annualRate.isNegative()) throw new ScheduleError('annual rate must not be negative');
  if (!Number.isInteger(n) || n < 1) {
    throw new ScheduleError(`termMonths must be a positive integer, got ${n}`);
  }
  const dueDates = Array.from({ length: n }, (_, i) =>
    params.firstDueDate ? addMonths(params.firstDueDate, i) : addMonths(params.startDate, i + 1),
  );
  return { principal, annualRate, monthlyRate: annualRate.div(12), termMonths: n, dueDates };
}

export function installment(
  seq: number,
  dueDate: LocalDate,
  principal: Decimal,
  interest: Decimal,
): Installment {
  return { seq, dueDate, principal: formatMoney(principal), interest: formatMoney(interest) };
}

/** Sum of one column of a schedule, for tests and statements. */
export function scheduleTotal(rows: readonly Installment[], column: 'principal' | 'interest') {
  return rows.reduce<Decimal>((acc, r) => acc.plus(dec(r[column])), dec('0'));
}
