import { addDays, dayOfWeek, type LocalDate } from '@qingshou/calendar';

/** A drive's window, for `period: drive`. */
export interface DriveWindow {
  readonly startsOn: LocalDate;
  readonly endsOn: LocalDate;
}

export interface Period {
  readonly start: LocalDate;
  /** The last day of the period: a flow target not yet met before it is at risk, not missed. */
  readonly end: LocalDate;
}

const pad = (n: number) => String(n).padStart(2, '0');

function monthEnd(year: number, month: number): LocalDate {
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`;
  return addDays(next, -1);
}

/**
 * Flow metrics are measured "to date": from the start of the period that holds `asOf` to
 * `asOf` itself (篇九's 年度任务 is judged on the year so far). Weeks start on Monday.
 * `drive` is the window of the drive that holds `asOf`; without one, the year (the metric
 * calculator gives no figure then: a drive's figure before its launch is not the year's).
 */
export function periodOf(name: string, asOf: LocalDate, drive?: DriveWindow | null): Period {
  const year = Number(asOf.slice(0, 4));
  const month = Number(asOf.slice(5, 7));
  switch (name) {
    case 'week': {
      const start = addDays(asOf, -((dayOfWeek(asOf) + 6) % 7));
      return { start, end: addDays(start, 6) };
    }
    case 'month':
      return { start: `${year}-${pad(month)}-01`, end: monthEnd(year, month) };
    case 'quarter': {
      const first = Math.floor((month - 1) / 3) * 3 + 1;
      return { start: `${year}-${pad(first)}-01`, end: monthEnd(year, first + 2) };
    }
    case 'drive':
      if (drive) return { start: drive.startsOn, end: drive.endsOn };
      return periodOf('year', asOf);
    default:
      return { start: `${year}-01-01`, end: `${year}-12-31` };
  }
}
