import { latestDue } from './report-schedule';

describe('latestDue: the occurrence of a pack schedule due on or before a date', () => {
  it('a Friday weekly report run on Sunday 2026-03-22 is the one due Friday 2026-03-20, week of 03-16', () => {
    expect(latestDue({ every: 'week', on: 'friday' }, '2026-03-22')).toEqual({
      key: 'week:2026-03-16',
      start: '2026-03-16',
      end: '2026-03-22',
      dueOn: '2026-03-20',
    });
  });

  it('a Friday report run on Thursday 2026-03-19 is still the previous week’s', () => {
    expect(latestDue({ every: 'week', on: 'friday' }, '2026-03-19').dueOn).toBe('2026-03-13');
  });

  it('month on last: due 2026-02-28; on 2026-03-30 the March one is not due yet', () => {
    expect(latestDue({ every: 'month', on: 'last' }, '2026-03-30')).toMatchObject({
      key: 'month:2026-02',
      dueOn: '2026-02-28',
    });
    expect(latestDue({ every: 'month', on: 'last' }, '2026-03-31').key).toBe('month:2026-03');
  });

  it('month on 1: the report is due on the 1st itself', () => {
    expect(latestDue({ every: 'month', on: 1 }, '2026-01-01')).toMatchObject({
      key: 'month:2026-01',
      dueOn: '2026-01-01',
    });
  });

  it('year on 12-31: run on 2027-01-02 gives the 2026 report as of 2026-12-31', () => {
    expect(latestDue({ every: 'year', on: '12-31' }, '2027-01-02')).toEqual({
      key: 'year:2026',
      start: '2026-01-01',
      end: '2026-12-31',
      dueOn: '2026-12-31',
    });
  });

  it('quarter on last: 2026-05-10 is due 2026-03-31 (Q1)', () => {
    expect(latestDue({ every: 'quarter', on: 'last' }, '2026-05-10')).toMatchObject({
      key: 'quarter:2026-Q1',
      dueOn: '2026-03-31',
    });
  });
});
