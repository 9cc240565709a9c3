import { InvalidCalendarInputError } from './calendar.errors';
import {
  DEFAULT_TIME_ZONE,
  LocalDate,
  LocalTime,
  assertLocalDate,
  minutesOfDay,
} from './local-date';

/**
 * Conversions between instants (`Date`) and a time zone's wall clock, on Intl.DateTimeFormat
 * only. Never depends on the process time zone.
 */

const MS_PER_DAY = 86_400_000;

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
    } catch {
      throw new InvalidCalendarInputError(`'${timeZone}' is not an IANA time zone`);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Throws unless `timeZone` is an IANA zone name this runtime knows. */
export function assertTimeZone(timeZone: string): string {
  formatterFor(timeZone);
  return timeZone;
}

function assertInstant(instant: Date): number {
  const ms = instant instanceof Date ? instant.getTime() : NaN;
  if (Number.isNaN(ms)) {
    throw new InvalidCalendarInputError('an instant must be a valid Date');
  }
  return ms;
}

/**
 * Zone offsets (local minus UTC, ms) by quarter hour: every offset change falls on a quarter
 * hour, so one Intl call answers a whole quarter, and a worklist page that judges 100
 * contacts "now" asks Intl once, not 300 times (issue 15 §1, a CPU profile). Bounded.
 */
const QUARTER_MS = 900_000;
const quarterOffsets = new Map<string, number>();

function wallClockOf(ms: number, timeZone: string): WallClock {
  const key = `${timeZone}|${Math.floor(ms / QUARTER_MS)}`;
  let offset = quarterOffsets.get(key);
  if (offset === undefined) {
    const start = Math.floor(ms / QUARTER_MS) * QUARTER_MS;
    offset = clockOffset(start, intlWallClockOf(start, timeZone));
    if (quarterOffsets.size >= 50_000) quarterOffsets.clear();
    quarterOffsets.set(key, offset);
  }
  const local = new Date(ms + offset);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

/** The wall clock's reading minus the instant, in ms (whole seconds, as Intl reads them). */
function clockOffset(ms: number, clock: WallClock): number {
  const asUtc = Date.UTC(
    clock.year,
    clock.month - 1,
    clock.day,
    clock.hour,
    clock.minute,
    clock.second,
  );
  return asUtc - Math.floor(ms / 1000) * 1000;
}

function intlWallClockOf(ms: number, timeZone: string): WallClock {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year,
    month: fields.month,
    day: fields.day,
    hour: fields.hour,
    minute: fields.minute,
    second: fields.second,
  };
}

/** Local minus UTC, in ms, at instant `ms`. */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallClockOf(ms, timeZone);
  const wallAsUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return wallAsUtc - Math.floor(ms / 1000) * 1000;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The business date of `instant` in `timeZone`. */
export function localDateOf(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): LocalDate {
  const w = wallClockOf(assertInstant(instant), timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** The wall-clock time 'HH:mm' of `instant` in `timeZone` (seconds dropped). */
export function localTimeOf(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): LocalTime {
  const w = wallClockOf(assertInstant(instant), timeZone);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

/** The instant `minutes` after the start of `date`'s wall clock (may exceed one day). */
export function instantAtMinutes(date: LocalDate, minutes: number, timeZone: string): Date {
  const wall = Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
    0,
    minutes,
  );
  // Offsets a day either side bracket any DST transition near this wall time.
  const before = offsetAt(wall - MS_PER_DAY, timeZone);
  const after = offsetAt(wall + MS_PER_DAY, timeZone);
  const candidates = [wall - before, wall - after].sort((a, b) => a - b);
  for (const candidate of candidates) {
    if (candidate + offsetAt(candidate, timeZone) === wall) return new Date(candidate);
  }
  // A wall time skipped by a forward transition: read it with the earlier offset, which
  // lands the same distance past the gap (02:30 in a 02:00->03:00 gap becomes 03:30).
  return new Date(wall - before);
}

/**
 * The instant at which `date` `time` happens on the wall clock of `timeZone`. A time repeated
 * by a backward DST transition resolves to the earlier instant; one skipped by a forward
 * transition moves forward by the gap.
 */
export function instantOf(
  date: LocalDate,
  time: LocalTime,
  timeZone: string = DEFAULT_TIME_ZONE,
): Date {
  assertLocalDate(date);
  assertTimeZone(timeZone);
  return instantAtMinutes(date, minutesOfDay(time), timeZone);
}
