import { addDays, compareLocalDates, dayOfWeek, type LocalDate } from '@qingshou/calendar';
import { addMonths } from '@qingshou/ledger';
import { WEEKDAYS } from '@qingshou/policy';

export interface ScheduleData {
  readonly every: 'day' | 'week' | 'month' | 'quarter' | 'year';
  readonly on?: string | number;
  readonly at?: string;
}

/** The period of a schedule that contains a date, and the date it is due within it. */
export interface ScheduledPeriod {
  /** First day of the period: the key that makes a routine fire once per period. */
  readonly start: LocalDate;
  readonly due: LocalDate;
}

const lastDayOf = (monthStart: LocalDate, months = 1) => addDays(addMonths(monthStart, months), -1);

/** Day `n` of the month starting on `monthStart`, clamped to its last day ('last' is that). */
function dayOfMonth(monthStart: LocalDate, on: string | number | undefined, months = 1) {
  const last = lastDayOf(monthStart, months);
  if (on === 'last') return last;
  const day = addDays(monthStart, Number(on ?? 1) - 1);
  return compareLocalDates(day, last) > 0 ? last : day;
}

/**
 * Where `asOf` falls in a schedule: every day; every week on a weekday (weeks start on
 * Monday, default Monday); every month or quarter on day N or 'last' (default the 1st);
 * every year on 'MM-DD' (default 01-01; 02-29 falls on 02-28 in other years).
 */
export function periodOf(schedule: ScheduleData, asOf: LocalDate): ScheduledPeriod {
  const year = asOf.slice(0, 4);
  const month = Number(asOf.slice(5, 7));
  switch (schedule.every) {
    case 'day':
      return { start: asOf, due: asOf };
    case 'week': {
      const start = addDays(asOf, -((dayOfWeek(asOf) + 6) % 7));
      const index = WEEKDAYS.indexOf((schedule.on ?? 'monday') as (typeof WEEKDAYS)[number]);
      return { start, due: addDays(start, Math.max(0, index)) };
    }
    case 'month': {
      const start = `${asOf.slice(0, 7)}-01`;
      return { start, due: dayOfMonth(start, schedule.on) };
    }
    case 'quarter': {
      const first = Math.floor((month - 1) / 3) * 3 + 1;
      const start = `${year}-${String(first).padStart(2, '0')}-01`;
      const due = schedule.on === 'last' ? lastDayOf(start, 3) : dayOfMonth(start, schedule.on);
      return { start, due };
    }
    case 'year': {
      const start = `${year}-01-01`;
      const [mm, dd] = String(schedule.on ?? '01-01').split('-');
      return { start, due: dayOfMonth(`${year}-${mm}-01`, Number(dd)) };
    }
  }
}

/** A routine is due once its date in the current period has come (a missed night catches up). */
export function isDue(period: ScheduledPeriod, asOf: LocalDate): boolean {
  return compareLocalDates(period.due, asOf) <= 0;
}
