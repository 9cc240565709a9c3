import { fallsOn, occurrences } from './schedule-dates';

describe('publication schedules (定期公布清收进度) fall on their dates', () => {
  it('every week on monday: the Mondays of March 2026 are 2, 9, 16, 23 and 30', () => {
    expect(occurrences({ every: 'week', on: 'monday' }, '2026-03-01', '2026-03-31')).toEqual([
      '2026-03-02',
      '2026-03-09',
      '2026-03-16',
      '2026-03-23',
      '2026-03-30',
    ]);
  });

  it('every month on 1 and on last; February 2026 ends on the 28th', () => {
    expect(occurrences({ every: 'month', on: 1 }, '2026-01-15', '2026-04-01')).toEqual([
      '2026-02-01',
      '2026-03-01',
      '2026-04-01',
    ]);
    expect(fallsOn({ every: 'month', on: 'last' }, '2026-02-28')).toBe(true);
    expect(fallsOn({ every: 'month', on: 'last' }, '2026-03-30')).toBe(false);
  });

  it('quarters count in their first month; last is the quarter end; years on MM-DD', () => {
    expect(occurrences({ every: 'quarter', on: 5 }, '2026-01-01', '2026-12-31')).toEqual([
      '2026-01-05',
      '2026-04-05',
      '2026-07-05',
      '2026-10-05',
    ]);
    expect(fallsOn({ every: 'quarter', on: 'last' }, '2026-06-30')).toBe(true);
    expect(fallsOn({ every: 'year', on: '12-31' }, '2026-12-31')).toBe(true);
    expect(occurrences({ every: 'day' }, '2026-03-30', '2026-04-01')).toHaveLength(3);
  });
});
