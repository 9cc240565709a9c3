import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import { CalendarCoverageError } from './calendar.errors';
import { LocalDate, dayOfWeek, yearOf } from './local-date';

/**
 * The PRC public-holiday calendar, from chinese-days' published data (State Council notices,
 * 2004 on). The data file is read instead of the package's functions (isWorkday,
 * getDayDetail, ...) because those rebuild their tables with the process time zone at load:
 * under a negative UTC offset (TZ=America/*) every entry shifts a day. The data file was
 * built once and is keyed by plain dates; prc-holidays.spec.ts checks it agrees with the
 * functions where they are sound. The rule is the package's own isWorkday: a listed make-up
 * working day (调休) works, else Monday-Friday unless listed as a holiday.
 */

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
  inLieuDays: Record<string, string>;
}

const data: ChineseDaysData = chineseDaysData;

/** The holiday a date belongs to, as chinese-days names it ("Spring Festival,春节,4"). */
export interface HolidayName {
  readonly en: string;
  readonly zh: string;
}

export interface PrcDay {
  readonly date: LocalDate;
  readonly working: boolean;
  /** 'holiday': a public holiday; 'make-up': a weekend worked in lieu (调休). */
  readonly kind: 'workday' | 'weekend' | 'holiday' | 'make-up';
  /** The festival a holiday or make-up day belongs to. */
  readonly holiday?: HolidayName;
}

const coveredYears = [...Object.keys(data.holidays), ...Object.keys(data.workdays)]
  .map((date) => Number(date.slice(0, 4)))
  .sort((a, b) => a - b);

/** First and last year the holiday data covers (2004 and 2026 in chinese-days 1.5.7). */
export const PRC_CALENDAR_COVERAGE: Readonly<{ firstYear: number; lastYear: number }> =
  Object.freeze({ firstYear: coveredYears[0], lastYear: coveredYears[coveredYears.length - 1] });

export function isCoveredByPrcCalendar(date: LocalDate): boolean {
  const year = yearOf(date);
  return year >= PRC_CALENDAR_COVERAGE.firstYear && year <= PRC_CALENDAR_COVERAGE.lastYear;
}

function holidayName(raw: string): HolidayName {
  const [en, zh] = raw.split(',');
  return { en, zh };
}

/** Weekdays and weekends only, no public holidays: for years the data does not cover. */
export function weekdayOnlyDay(date: LocalDate): PrcDay {
  const weekday = dayOfWeek(date);
  const weekend = weekday === 0 || weekday === 6;
  return { date, working: !weekend, kind: weekend ? 'weekend' : 'workday' };
}

/** What the PRC calendar says about `date`; throws CalendarCoverageError outside the data. */
export function prcDay(date: LocalDate): PrcDay {
  if (!isCoveredByPrcCalendar(date)) {
    const { firstYear, lastYear } = PRC_CALENDAR_COVERAGE;
    throw new CalendarCoverageError(yearOf(date), firstYear, lastYear);
  }
  const makeUp = data.workdays[date];
  if (makeUp !== undefined) {
    return { date, working: true, kind: 'make-up', holiday: holidayName(makeUp) };
  }
  const holiday = data.holidays[date];
  if (holiday !== undefined) {
    return { date, working: false, kind: 'holiday', holiday: holidayName(holiday) };
  }
  return weekdayOnlyDay(date);
}

/** Whether `date` is a working day in the PRC calendar (make-up days count as working). */
export function isPrcWorkingDay(date: LocalDate): boolean {
  return prcDay(date).working;
}

/** Anything that can tell working days from days off; deadlines count against one. */
export interface WorkingDayCalendar {
  isWorkingDay(date: LocalDate): boolean;
}

/** The statutory calendar alone: public holidays and make-up days, no tenant overrides. */
export const PRC_PUBLIC_CALENDAR: WorkingDayCalendar = Object.freeze({
  isWorkingDay: isPrcWorkingDay,
});
