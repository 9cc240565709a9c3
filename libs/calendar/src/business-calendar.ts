import { InvalidCalendarInputError } from './calendar.errors';
import { DEFAULT_TIME_ZONE, LocalDate, addDays, assertLocalDate } from './local-date';
import {
  HolidayName,
  PrcDay,
  WorkingDayCalendar,
  isCoveredByPrcCalendar,
  prcDay,
  weekdayOnlyDay,
} from './prc-holidays';
import { assertTimeZone, instantAtMinutes, localDateOf } from './time-zone';
import {
  DEFAULT_WORKING_HOURS,
  WorkingInterval,
  WorkingMinutes,
  toWorkingMinutes,
} from './working-hours';

/** A tenant's exception to the public calendar. */
export interface CalendarOverride {
  readonly date: LocalDate;
  readonly reason: string;
}

export interface BusinessCalendarOptions {
  /** IANA zone business dates and working hours are read in; default Asia/Shanghai. */
  readonly timeZone?: string;
  /** Default 09:00-12:00 and 13:30-17:30. */
  readonly workingHours?: readonly WorkingInterval[];
  /** Days the tenant's office is closed although the public calendar works. */
  readonly extraHolidays?: readonly CalendarOverride[];
  /** Days the tenant works although the public calendar rests. */
  readonly extraWorkingDays?: readonly CalendarOverride[];
  /**
   * Years the PRC holiday data does not cover: 'reject' (default) throws
   * CalendarCoverageError; 'weekdays' counts Monday-Friday as working, holidays unknown.
   */
  readonly uncoveredYears?: 'reject' | 'weekdays';
}

export interface BusinessDay {
  readonly date: LocalDate;
  readonly working: boolean;
  readonly kind: PrcDay['kind'] | 'tenant-holiday' | 'tenant-working-day';
  /** The festival of a public holiday or make-up day. */
  readonly holiday?: HolidayName;
  /** The tenant's reason, for overrides. */
  readonly reason?: string;
}

const MS_PER_HOUR = 3_600_000;
/** Longer than any real run of days off; beyond it the configuration is broken. */
const MAX_DAYS_OFF_IN_A_ROW = 366;

/**
 * One tenant's working calendar: PRC public holidays and make-up days (调休), the tenant's
 * overrides, and working hours in the tenant's time zone. Immutable and pure.
 */
export class BusinessCalendar implements WorkingDayCalendar {
  readonly timeZone: string;
  readonly workingHours: readonly WorkingInterval[];
  private readonly intervals: readonly WorkingMinutes[];
  private readonly overrides = new Map<LocalDate, BusinessDay>();
  private readonly uncoveredYears: 'reject' | 'weekdays';

  constructor(options: BusinessCalendarOptions = {}) {
    this.timeZone = assertTimeZone(options.timeZone ?? DEFAULT_TIME_ZONE);
    this.workingHours = Object.freeze(
      (options.workingHours ?? DEFAULT_WORKING_HOURS).map((i) => Object.freeze({ ...i })),
    );
    this.intervals = toWorkingMinutes(this.workingHours);
    this.uncoveredYears = options.uncoveredYears ?? 'reject';
    for (const o of options.extraHolidays ?? []) this.addOverride(o, false);
    for (const o of options.extraWorkingDays ?? []) this.addOverride(o, true);
  }

  private addOverride(override: CalendarOverride, working: boolean): void {
    const date = assertLocalDate(override.date);
    if (typeof override.reason !== 'string' || override.reason.trim() === '') {
      throw new InvalidCalendarInputError(`the override for ${date} needs a reason`);
    }
    if (this.overrides.has(date)) {
      throw new InvalidCalendarInputError(`${date} is overridden more than once`);
    }
    const kind = working ? 'tenant-working-day' : 'tenant-holiday';
    this.overrides.set(date, { date, working, kind, reason: override.reason.trim() });
  }

  /** Why `date` is or is not a working day. */
  describeDay(date: LocalDate): BusinessDay {
    assertLocalDate(date);
    const override = this.overrides.get(date);
    if (override) return override;
    if (this.uncoveredYears === 'weekdays' && !isCoveredByPrcCalendar(date)) {
      return weekdayOnlyDay(date);
    }
    return prcDay(date);
  }

  isWorkingDay(date: LocalDate): boolean {
    return this.describeDay(date).working;
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: LocalDate): LocalDate {
    let candidate = addDays(date, 1);
    for (let skipped = 0; !this.isWorkingDay(candidate); skipped++) {
      if (skipped >= MAX_DAYS_OFF_IN_A_ROW) {
        throw new InvalidCalendarInputError(`no working day within a year after ${date}`);
      }
      candidate = addDays(candidate, 1);
    }
    return candidate;
  }

  /**
   * The `n`th working day after `date`, not counting `date` itself: 1 working day from a
   * Friday before a holiday is the first working day after it. `n` = 0 gives `date` when it
   * is a working day, else the next working day.
   */
  addWorkingDays(date: LocalDate, n: number): LocalDate {
    if (!Number.isInteger(n) || n < 0) {
      throw new InvalidCalendarInputError(`working days must be a whole number >= 0, got ${n}`);
    }
    if (n === 0) return this.isWorkingDay(date) ? date : this.nextWorkingDay(date);
    let result = assertLocalDate(date);
    for (let i = 0; i < n; i++) result = this.nextWorkingDay(result);
    return result;
  }

  /**
   * The instant `hours` working hours after `instant`, counting only working hours on
   * working days. A deadline reached exactly at closing time stays at closing time; zero
   * hours returns `instant` unchanged.
   */
  addWorkingHours(instant: Date, hours: number): Date {
    const from = this.instantMs(instant);
    if (!Number.isFinite(hours) || hours < 0) {
      throw new InvalidCalendarInputError(`working hours must be >= 0, got ${hours}`);
    }
    let remaining = Math.round(hours * MS_PER_HOUR);
    if (remaining === 0) return new Date(from);
    let date = localDateOf(instant, this.timeZone);
    for (;;) {
      for (const [start, end] of this.workingWindows(date)) {
        const open = Math.max(start, from);
        if (end <= open) continue;
        if (end - open >= remaining) return new Date(open + remaining);
        remaining -= end - open;
      }
      date = this.nextWorkingDay(date);
    }
  }

  /** Working hours between two instants; negative when `to` is before `from`. */
  workingHoursBetween(from: Date, to: Date): number {
    const a = this.instantMs(from);
    const b = this.instantMs(to);
    if (b < a) return -this.workingHoursBetween(to, from);
    const last = localDateOf(to, this.timeZone);
    let ms = 0;
    for (let date = localDateOf(from, this.timeZone); date <= last; date = addDays(date, 1)) {
      for (const [start, end] of this.workingWindows(date)) {
        ms += Math.max(0, Math.min(end, b) - Math.max(start, a));
      }
    }
    return ms / MS_PER_HOUR;
  }

  /** [start, end) instants (ms) of each working interval on `date`; none on a day off. */
  private workingWindows(date: LocalDate): Array<[number, number]> {
    if (!this.isWorkingDay(date)) return [];
    return this.intervals.map(({ start, end }) => [
      instantAtMinutes(date, start, this.timeZone).getTime(),
      instantAtMinutes(date, end, this.timeZone).getTime(),
    ]);
  }

  private instantMs(instant: Date): number {
    const ms = instant instanceof Date ? instant.getTime() : NaN;
    if (Number.isNaN(ms)) throw new InvalidCalendarInputError('an instant must be a valid Date');
    return ms;
  }
}
