import {
  addDays,
  BusinessCalendar,
  daysBetween,
  instantOf,
  localDateOf,
  localTimeOf,
  type LocalDate,
} from '@qingshou/calendar';
import { addMonths } from '@qingshou/ledger';
import { parseDuration, type Duration } from '@qingshou/policy';

/** Working hours in one working day of this calendar: "1 working day" of SLA is this many. */
export function hoursPerWorkingDay(calendar: BusinessCalendar): number {
  const minutes = (time: string) =>
    time === '24:00' ? 1440 : Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  const total = calendar.workingHours.reduce(
    (sum, i) => sum + minutes(i.end) - minutes(i.start),
    0,
  );
  return total / 60;
}

function parsed(text: string | undefined): Duration | null {
  return text === undefined ? null : parseDuration(text);
}

/**
 * When an action due on `period` is triggered: the clock's instant when the run happens on
 * that business date (an interactive evaluation at 15:00 gives SLAs from 15:00), else the
 * start of the date (the nightly run, or a catch-up run for a past date) — so a re-run of a
 * past date computes the same instants.
 */
export function triggerInstant(period: LocalDate, now: Date, timeZone: string): Date {
  return localDateOf(now, timeZone) === period ? now : instantOf(period, '00:00', timeZone);
}

/**
 * `amount` units of working time after `from`. A working day is the calendar's working
 * hours per day (7 by default): from the start of a working day, "1 working day" ends at
 * its close; from 10:00 it ends at 10:00 the next working day.
 */
export function addWorkingTime(calendar: BusinessCalendar, from: Date, d: Duration): Date {
  const hours = d.unit === 'workingDay' ? d.amount * hoursPerWorkingDay(calendar) : d.amount;
  return calendar.addWorkingHours(from, hours);
}

/** Calendar offsets keep the wall-clock time: "3 days" after 02:00 on the 1st is 02:00 on the 4th. */
function addCalendarTime(calendar: BusinessCalendar, from: Date, d: Duration): Date {
  const date = localDateOf(from, calendar.timeZone);
  const days = { day: d.amount, week: d.amount * 7 } as Record<string, number | undefined>;
  const target =
    days[d.unit] !== undefined
      ? addDays(date, days[d.unit] as number)
      : addMonths(date, d.unit === 'year' ? d.amount * 12 : d.amount);
  return instantOf(target, localTimeOf(from, calendar.timeZone), calendar.timeZone);
}

/** A task's due instant: `due` after the trigger, at once when the action gives none. */
export function dueInstant(calendar: BusinessCalendar, trigger: Date, due?: string): Date {
  const d = parsed(due);
  if (!d || d.amount === 0) return trigger;
  return d.unit === 'workingDay' || d.unit === 'workingHour'
    ? addWorkingTime(calendar, trigger, d)
    : addCalendarTime(calendar, trigger, d);
}

/** The SLA deadline counted in working time on the tenant's calendar; null without an SLA. */
export function slaInstant(calendar: BusinessCalendar, from: Date, sla?: string): Date | null {
  const d = parsed(sla);
  if (!d) return null;
  if (d.unit === 'workingDay' || d.unit === 'workingHour') return addWorkingTime(calendar, from, d);
  return addCalendarTime(calendar, from, d);
}

/**
 * The start of the repetition period of a series anchored on `anchor` that contains `asOf`:
 * `every: 1d` → asOf itself; `every: 1w` → the last 7-day boundary; months by calendar month.
 */
export function periodStart(anchor: LocalDate, asOf: LocalDate, every: string): LocalDate {
  const d = parseDuration(every);
  const elapsed = daysBetween(anchor, asOf);
  if (!d || elapsed <= 0) return anchor;
  if (d.unit === 'month' || d.unit === 'year') {
    const step = d.unit === 'year' ? d.amount * 12 : d.amount;
    let start = anchor;
    for (let k = step; daysBetween(addMonths(anchor, k), asOf) >= 0; k += step) {
      start = addMonths(anchor, k);
    }
    return start;
  }
  const length = Math.max(1, d.unit === 'week' ? d.amount * 7 : d.amount);
  return addDays(anchor, Math.floor(elapsed / length) * length);
}
