import { InvalidCalendarInputError } from './calendar.errors';

/** A business date, 'YYYY-MM-DD', meaningful only together with a time zone. */
export type LocalDate = string;

/** A local wall-clock time, 'HH:mm' (24-hour). */
export type LocalTime = string;

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const MS_PER_DAY = 86_400_000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Days since 1970-01-01 of a valid local date; throws on anything else. */
function epochDay(date: LocalDate): number {
  const match = LOCAL_DATE.exec(date);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const ms = Date.UTC(year, month - 1, day);
    const check = new Date(ms);
    if (check.getUTCMonth() === month - 1 && check.getUTCDate() === day) {
      return ms / MS_PER_DAY;
    }
  }
  throw new InvalidCalendarInputError(`'${date}' is not a valid date (YYYY-MM-DD)`);
}

function fromEpochDay(days: number): LocalDate {
  return new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Throws unless `date` is a real calendar date written 'YYYY-MM-DD'. */
export function assertLocalDate(date: LocalDate): LocalDate {
  epochDay(date);
  return date;
}

export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  try {
    epochDay(value);
    return true;
  } catch {
    return false;
  }
}

/** Minutes after local midnight of 'HH:mm'; throws unless it is a valid 24-hour time. */
export function minutesOfDay(time: LocalTime): number {
  const match = LOCAL_TIME.exec(time);
  if (!match) {
    throw new InvalidCalendarInputError(`'${time}' is not a valid time (HH:mm, 00:00-23:59)`);
  }
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Calendar arithmetic on dates: `addDays('2026-02-28', 1)` is '2026-03-01'. */
export function addDays(date: LocalDate, days: number): LocalDate {
  if (!Number.isInteger(days)) {
    throw new InvalidCalendarInputError(`a number of days must be an integer, got ${days}`);
  }
  return fromEpochDay(epochDay(date) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return epochDay(to) - epochDay(from);
}

/** 0 = Sunday ... 6 = Saturday, as Date#getDay. */
export function dayOfWeek(date: LocalDate): number {
  return (((epochDay(date) + 4) % 7) + 7) % 7;
}

export function yearOf(date: LocalDate): number {
  return Number(assertLocalDate(date).slice(0, 4));
}

export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return Math.sign(daysBetween(b, a));
}
