import { InvalidCalendarInputError } from './calendar.errors';
import { LocalTime, minutesOfDay } from './local-date';

/** One stretch of a working day on the local wall clock, e.g. 09:00-12:00. */
export interface WorkingInterval {
  readonly start: LocalTime;
  /** 'HH:mm', after `start`; '24:00' means until midnight. */
  readonly end: LocalTime;
}

/** The same interval in minutes after local midnight. */
export interface WorkingMinutes {
  readonly start: number;
  readonly end: number;
}

/** 09:00-12:00 and 13:30-17:30: seven working hours with a lunch break. */
export const DEFAULT_WORKING_HOURS: readonly WorkingInterval[] = Object.freeze([
  Object.freeze({ start: '09:00', end: '12:00' }),
  Object.freeze({ start: '13:30', end: '17:30' }),
]);

const MINUTES_PER_DAY = 24 * 60;

function endMinutes(end: LocalTime): number {
  return end === '24:00' ? MINUTES_PER_DAY : minutesOfDay(end);
}

/**
 * Validates and converts working intervals: at least one, each non-empty, in order and not
 * overlapping (touching is allowed).
 */
export function toWorkingMinutes(intervals: readonly WorkingInterval[]): WorkingMinutes[] {
  if (intervals.length === 0) {
    throw new InvalidCalendarInputError('working hours need at least one interval');
  }
  const result: WorkingMinutes[] = [];
  for (const interval of intervals) {
    const start = minutesOfDay(interval.start);
    const end = endMinutes(interval.end);
    if (end <= start) {
      throw new InvalidCalendarInputError(
        `working interval ${interval.start}-${interval.end} must end after it starts`,
      );
    }
    const previous = result[result.length - 1];
    if (previous && start < previous.end) {
      throw new InvalidCalendarInputError(
        `working interval ${interval.start}-${interval.end} overlaps or precedes the one before`,
      );
    }
    result.push({ start, end });
  }
  return result;
}
