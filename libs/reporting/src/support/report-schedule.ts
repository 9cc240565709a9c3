import { addDays, compareLocalDates, dayOfWeek, type LocalDate } from '@qingshou/calendar';

/** A pack report's schedule as pinned: every day/week/month/quarter/year, on …. */
export interface Schedule {
  readonly every: string;
  readonly on?: string | number;
}

/** One occurrence of a schedule: the period it reports on and the date it falls due. */
export interface ScheduledPeriod {
  /** Stable key of the period: `week:2026-03-16`, `month:2026-03`, `year:2026`. */
  readonly key: string;
  readonly start: LocalDate;
  readonly end: LocalDate;
  /** The date the report is due, and the date it is computed as of. */
  readonly dueOn: LocalDate;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const pad = (n: number) => String(n).padStart(2, '0');
const monthStart = (y: number, m: number): LocalDate => `${y}-${pad(m)}-01`;
const monthEnd = (y: number, m: number): LocalDate =>
  addDays(m === 12 ? `${y + 1}-01-01` : monthStart(y, m + 1), -1);
const prevMonth = (y: number, m: number): [number, number] => (m === 1 ? [y - 1, 12] : [y, m - 1]);

/**
 * The latest occurrence of the schedule due on or before `asOf`. Weeks run Monday–Sunday
 * (a Friday report covers its own week); `on: last` is the period's last day; a quarter's
 * numbered day is in the quarter's first month. The nightly run asks this every night, so
 * a report due on a date the run missed is still produced once, for its own period.
 */
export function latestDue(schedule: Schedule, asOf: LocalDate): ScheduledPeriod {
  const y = Number(asOf.slice(0, 4));
  const m = Number(asOf.slice(5, 7));
  switch (schedule.every) {
    case 'day':
      return { key: `day:${asOf}`, start: asOf, end: asOf, dueOn: asOf };
    case 'week': {
      const target = WEEKDAYS.indexOf(String(schedule.on ?? 'monday'));
      const dueOn = addDays(asOf, -((dayOfWeek(asOf) - target + 7) % 7));
      const start = addDays(dueOn, -((dayOfWeek(dueOn) + 6) % 7));
      return { key: `week:${start}`, start, end: addDays(start, 6), dueOn };
    }
    case 'month': {
      const dueIn = (yy: number, mm: number): LocalDate =>
        schedule.on === 'last' || schedule.on === undefined
          ? monthEnd(yy, mm)
          : `${yy}-${pad(mm)}-${pad(Number(schedule.on))}`;
      let [yy, mm] = [y, m];
      if (compareLocalDates(dueIn(yy, mm), asOf) > 0) [yy, mm] = prevMonth(yy, mm);
      return {
        key: `month:${yy}-${pad(mm)}`,
        start: monthStart(yy, mm),
        end: monthEnd(yy, mm),
        dueOn: dueIn(yy, mm),
      };
    }
    case 'quarter': {
      const dueIn = (yy: number, first: number): LocalDate =>
        schedule.on === 'last' || schedule.on === undefined
          ? monthEnd(yy, first + 2)
          : `${yy}-${pad(first)}-${pad(Number(schedule.on))}`;
      let yy = y;
      let first = Math.floor((m - 1) / 3) * 3 + 1;
      if (compareLocalDates(dueIn(yy, first), asOf) > 0) {
        [yy, first] = first === 1 ? [y - 1, 10] : [y, first - 3];
      }
      return {
        key: `quarter:${yy}-Q${(first + 2) / 3}`,
        start: monthStart(yy, first),
        end: monthEnd(yy, first + 2),
        dueOn: dueIn(yy, first),
      };
    }
    default: {
      const on = String(schedule.on ?? '12-31');
      let yy = y;
      if (compareLocalDates(`${yy}-${on}`, asOf) > 0) yy -= 1;
      return { key: `year:${yy}`, start: `${yy}-01-01`, end: `${yy}-12-31`, dueOn: `${yy}-${on}` };
    }
  }
}
