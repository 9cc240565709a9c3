import { periodOf } from './periods';

describe('flow metrics are measured from the start of their period to the as-of date', () => {
  it('a week starts on Monday: Thursday 2026-03-05 → Monday 03-02 to Sunday 03-08', () => {
    expect(periodOf('week', '2026-03-05')).toEqual({ start: '2026-03-02', end: '2026-03-08' });
    expect(periodOf('week', '2026-03-08')).toEqual({ start: '2026-03-02', end: '2026-03-08' });
  });

  it('month, quarter and year to date (2024-02 has 29 days)', () => {
    expect(periodOf('month', '2024-02-10')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(periodOf('quarter', '2013-11-15')).toEqual({ start: '2013-10-01', end: '2013-12-31' });
    expect(periodOf('year', '2013-10-31')).toEqual({ start: '2013-01-01', end: '2013-12-31' });
  });

  it('a drive period is the drive window; without a drive, the year', () => {
    const drive = { startsOn: '2012-05-15', endsOn: '2012-12-31' };
    expect(periodOf('drive', '2012-08-01', drive)).toEqual({
      start: '2012-05-15',
      end: '2012-12-31',
    });
    expect(periodOf('drive', '2012-08-01', null)).toEqual({
      start: '2012-01-01',
      end: '2012-12-31',
    });
  });
});
