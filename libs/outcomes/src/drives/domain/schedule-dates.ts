import { addDays, compareLocalDates, dayOfWeek, type LocalDate } from '@qingshou/calendar';

/** A pack schedule (ScheduleSpec) as the pinned snapshot holds it. */
export interface Schedule {
  readonly every: 'day' | 'week' | 'month' | 'quarter' | 'year';
  readonly on?: string | number;
}

const WEEKDAY_INDEX: Readonly<Record<string, number>> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};

const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Whether a schedule falls on the date. Defaults when `on` is absent: weeks on Monday,
 * months and quarters on the 1st, years on 01-01. A quarter's day counts in its first month
 * (January, April, July, October); `last` is the quarter's last day.
 */
export function fallsOn(schedule: Schedule, date: LocalDate): boolean {
  const [year, month, day] = date.split('-').map(Number);
  const on = schedule.on;
  switch (schedule.every) {
    case 'day':
      return true;
    case 'week':
      return dayOfWeek(date) === WEEKDAY_INDEX[String(on ?? 'monday')];
    case 'month':
      return on === 'last' ? day === lastDayOf(year, month) : day === Number(on ?? 1);
    case 'quarter':
      return on === 'last'
        ? month % 3 === 0 && day === lastDayOf(year, month)
        : month % 3 === 1 && day === Number(on ?? 1);
    case 'year':
      return date.slice(5) === String(on ?? '01-01');
    default:
      return false;
  }
}

/** Every date in [from, to] (both inclusive) the schedule falls on, oldest first. */
export function occurrences(schedule: Schedule, from: LocalDate, to: LocalDate): LocalDate[] {
  const dates: LocalDate[] = [];
  for (let d = from; compareLocalDates(d, to) <= 0; d = addDays(d, 1)) {
    if (fallsOn(schedule, d)) dates.push(d);
  }
  return dates;
}
