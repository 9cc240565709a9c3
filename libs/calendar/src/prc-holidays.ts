import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import { CalendarCoverageError } from './calendar.errors';
import { LocalDate, dayOfWeek, yearOf } from './local-date';
import { statutoryHolidays } from './statutory-holidays';

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
  /**
   * A year after the published data: only the law's own holiday days are known, not the
   * State Council's bridging days or make-up weekends (调休), which tenants add as overrides.
   */
  readonly provisional?: true;
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

/** Last year the law's holidays can be computed for (the lunar tables end in 2099). */
const LAST_STATUTORY_YEAR = 2099;
const statutoryByYear = new Map<number, ReadonlyMap<LocalDate, HolidayName>>();

function statutoryHoliday(date: LocalDate): HolidayName | undefined {
  const year = yearOf(date);
  let days = statutoryByYear.get(year);
  if (!days) {
    days = new Map(statutoryHolidays(year).map((d) => [d.date, { en: d.en, zh: d.zh }]));
    statutoryByYear.set(year, days);
  }
  return days.get(date);
}

/**
 * A year after the data, before the State Council's arrangement is in it: December's deadlines
 * run into January, and refusing them would stop every tenant's nightly run. The law's holidays
 * are certain and counted; the unknown 调休 is what tenant overrides are for.
 */
function provisionalDay(date: LocalDate): PrcDay {
  const holiday = statutoryHoliday(date);
  if (holiday) return { date, working: false, kind: 'holiday', holiday, provisional: true };
  return { ...weekdayOnlyDay(date), provisional: true };
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

/**
 * What the PRC calendar says about `date`: the published arrangement, else (a later year) the
 * law's holidays marked provisional; throws CalendarCoverageError before the data or after 2099.
 */
export function prcDay(date: LocalDate): PrcDay {
  if (!isCoveredByPrcCalendar(date)) {
    const { firstYear, lastYear } = PRC_CALENDAR_COVERAGE;
    const year = yearOf(date);
    if (year > lastYear && year <= LAST_STATUTORY_YEAR) return provisionalDay(date);
    throw new CalendarCoverageError(year, firstYear, LAST_STATUTORY_YEAR);
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
