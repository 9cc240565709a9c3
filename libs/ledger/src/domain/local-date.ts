/**
 * Business dates are calendar dates in the tenant's zone, carried as 'YYYY-MM-DD' strings.
 * All arithmetic goes through UTC midnights so that no host time zone or DST shift can move
 * a day, and nothing here reads the wall clock: callers pass `asOf`.
 */
export type LocalDate = string;

const MS_PER_DAY = 86_400_000;
const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface DateParts {
  year: number;
  month: number; // 1-12
  day: number;
}

export class LocalDateError extends Error {
  constructor(input: string, why: string) {
    super(`Not a date: ${JSON.stringify(input)} — ${why}`);
    this.name = 'LocalDateError';
  }
}

export function isValidDateParts(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear does not. */
function utcMs(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

/** Strict: exactly 'YYYY-MM-DD' and a real calendar day (no Feb 30). */
export function parseLocalDate(input: string): DateParts {
  const m = SHAPE.exec(input);
  if (!m) throw new LocalDateError(input, "expected 'YYYY-MM-DD'");
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isValidDateParts(year, month, day)) throw new LocalDateError(input, 'no such calendar day');
  return { year, month, day };
}

export function isLocalDate(input: string): boolean {
  const m = SHAPE.exec(input);
  return !!m && isValidDateParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function formatLocalDate(parts: DateParts): LocalDate {
  if (!isValidDateParts(parts.year, parts.month, parts.day)) {
    throw new LocalDateError(JSON.stringify(parts), 'no such calendar day');
  }
  const y = String(parts.year).padStart(4, '0');
  const mo = String(parts.month).padStart(2, '0');
  const d = String(parts.day).padStart(2, '0');
  return `${y}-${mo}-${d}`;
}

function toEpochDay(date: LocalDate): number {
  const { year, month, day } = parseLocalDate(date);
  return utcMs(year, month, day) / MS_PER_DAY;
}

function fromEpochDay(epochDay: number): LocalDate {
  const d = new Date(epochDay * MS_PER_DAY);
  return formatLocalDate({
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
  });
}

export function addDays(date: LocalDate, days: number): LocalDate {
  if (!Number.isInteger(days)) throw new RangeError(`addDays: ${days} is not a whole number`);
  return fromEpochDay(toEpochDay(date) + days);
}

/**
 * Calendar months with end-of-month clamping: 01-31 + 1 month → 02-28 (or 29).
 * Schedules compute each due date from the anchor (anchor + k months), never by chaining,
 * because chaining would drift 31 → 28 → 28 for the rest of the loan.
 */
export function addMonths(date: LocalDate, months: number): LocalDate {
  if (!Number.isInteger(months)) throw new RangeError(`addMonths: ${months} is not a whole number`);
  const { year, month, day } = parseLocalDate(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const mo = index - y * 12 + 1;
  return formatLocalDate({ year: y, month: mo, day: Math.min(day, daysInMonth(y, mo)) });
}

export function addYears(date: LocalDate, years: number): LocalDate {
  return addMonths(date, years * 12);
}

/** Whole days from `from` to `to` (negative if `to` is earlier). The start day is not counted. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return daysBetween(b, a);
}

export function minDate(a: LocalDate, b: LocalDate): LocalDate {
  return compareDates(a, b) <= 0 ? a : b;
}

export function maxDate(a: LocalDate, b: LocalDate): LocalDate {
  return compareDates(a, b) >= 0 ? a : b;
}

/** Namespace-style access: `LocalDate.addMonths(...)`. */
export const LocalDate = {
  parse: parseLocalDate,
  format: formatLocalDate,
  isValid: isLocalDate,
  addDays,
  addMonths,
  addYears,
  daysBetween,
  compare: compareDates,
  min: minDate,
  max: maxDate,
  daysInMonth,
  isLeapYear,
};
