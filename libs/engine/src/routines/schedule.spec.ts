import { isDue, periodOf } from './schedule';

describe('routine schedules: the period containing a date and the day it is due', () => {
  it('every week on friday: the Monday-to-Sunday week, due Friday', () => {
    expect(periodOf({ every: 'week', on: 'friday' }, '2026-03-08')).toEqual({
      start: '2026-03-02',
      due: '2026-03-06',
    });
    expect(isDue(periodOf({ every: 'week', on: 'friday' }, '2026-03-05'), '2026-03-05')).toBe(
      false,
    );
  });

  it('every month on last: 02-28 in 2026, on 1 the 1st; every quarter on last: 03-31', () => {
    expect(periodOf({ every: 'month', on: 'last' }, '2026-02-10').due).toBe('2026-02-28');
    expect(periodOf({ every: 'month', on: 1 }, '2026-02-10')).toEqual({
      start: '2026-02-01',
      due: '2026-02-01',
    });
    expect(periodOf({ every: 'quarter', on: 'last' }, '2026-02-10')).toEqual({
      start: '2026-01-01',
      due: '2026-03-31',
    });
  });

  it("every year on '05-15': due 05-15 of the date's year; '02-29' falls on 02-28 in 2026", () => {
    expect(periodOf({ every: 'year', on: '05-15' }, '2026-06-01')).toEqual({
      start: '2026-01-01',
      due: '2026-05-15',
    });
    expect(periodOf({ every: 'year', on: '02-29' }, '2026-06-01').due).toBe('2026-02-28');
  });
});
