import { InvalidCalendarInputError } from './calendar.errors';
import {
  addDays,
  assertLocalDate,
  compareLocalDates,
  dayOfWeek,
  daysBetween,
  isLocalDate,
  minutesOfDay,
  yearOf,
} from './local-date';

describe('local dates', () => {
  it('adds days across month, leap-day and year ends', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('knows 2026-02-13 is a Friday and 2026-02-14 a Saturday', () => {
    expect(dayOfWeek('2026-02-13')).toBe(5);
    expect(dayOfWeek('2026-02-14')).toBe(6);
    expect(dayOfWeek('2026-02-15')).toBe(0);
    expect(dayOfWeek('1969-12-31')).toBe(3);
  });

  it('counts and compares days', () => {
    expect(daysBetween('2026-09-25', '2026-10-05')).toBe(10);
    expect(daysBetween('2026-10-05', '2026-09-25')).toBe(-10);
    expect(compareLocalDates('2026-02-13', '2026-02-14')).toBe(-1);
    expect(compareLocalDates('2026-02-14', '2026-02-14')).toBe(0);
    expect(yearOf('2026-02-14')).toBe(2026);
  });

  it('rejects malformed and impossible dates', () => {
    for (const bad of ['2026-02-30', '2026-2-14', '2026/02/14', '2026-13-01', '']) {
      expect(() => assertLocalDate(bad)).toThrow(InvalidCalendarInputError);
      expect(isLocalDate(bad)).toBe(false);
    }
    expect(isLocalDate('2026-02-14')).toBe(true);
    expect(() => addDays('2026-02-14', 1.5)).toThrow(InvalidCalendarInputError);
  });

  it('reads HH:mm as minutes after midnight and rejects anything else', () => {
    expect(minutesOfDay('13:30')).toBe(810);
    expect(minutesOfDay('00:00')).toBe(0);
    for (const bad of ['24:00', '9:00', '12:60', '12:00:00']) {
      expect(() => minutesOfDay(bad)).toThrow(InvalidCalendarInputError);
    }
  });
});
