import { LocalDate, parseLocalDate } from '../local-date';

const MS_PER_DAY = 86_400_000;
/** Distinct dates remembered; a run meets a few hundred (due dates, receipt dates, asOf). */
const LIMIT = 4096;
const days = new Map<string, number>();

/**
 * The UTC epoch day of a business date, as local-date's `daysBetween` counts it, remembered
 * per string. The calculator compares the same few dates millions of times in a daily run;
 * parsing each afresh was a third of its time. A date not seen before is parsed strictly
 * (parseLocalDate throws the same LocalDateError for a malformed one) and never cached unless
 * valid, so this answers exactly what compareDates/daysBetween answer.
 */
export function epochDay(date: LocalDate): number {
  const known = days.get(date);
  if (known !== undefined) return known;
  const { year, month, day } = parseLocalDate(date);
  // Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear does not (as in local-date).
  const at = new Date(0);
  at.setUTCFullYear(year, month - 1, day);
  const value = at.getTime() / MS_PER_DAY;
  if (typeof date === 'string') {
    if (days.size >= LIMIT) days.clear();
    days.set(date, value);
  }
  return value;
}

/** compareDates: negative, zero or positive as `a` is before, on or after `b`. */
export function dayCompare(a: LocalDate, b: LocalDate): number {
  return epochDay(a) - epochDay(b);
}

/** daysBetween: whole days from `from` to `to`; the start day is not counted. */
export function dayDiff(from: LocalDate, to: LocalDate): number {
  return epochDay(to) - epochDay(from);
}
