import { BusinessCalendar } from '@qingshou/calendar';
import { dueInstant, hoursPerWorkingDay, periodStart, slaInstant } from './timing';

const cal = new BusinessCalendar({ timeZone: 'Asia/Shanghai' });
const at = (iso: string) => new Date(iso);

describe('SLA and due instants on the working-day calendar', () => {
  it('a working day is 7 working hours (09:00-12:00, 13:30-17:30)', () => {
    expect(hoursPerWorkingDay(cal)).toBe(7);
  });

  it('"2 working hours" from 02:00 on Monday 2026-03-02 → 11:00', () => {
    expect(slaInstant(cal, at('2026-03-01T18:00:00Z'), '2 working hours')?.toISOString()).toBe(
      '2026-03-02T03:00:00.000Z',
    );
  });

  it('"1 working day" from 02:00 Saturday 2026-03-14 → Monday 17:30', () => {
    expect(slaInstant(cal, at('2026-03-13T18:00:00Z'), '1 working day')?.toISOString()).toBe(
      '2026-03-16T09:30:00.000Z',
    );
  });

  it('"1 working day" from 16:00 on 2026-09-30, the eve of National Day → 16:00 on 2026-10-08', () => {
    // 1.5 h left on 09-30; 10-01…10-07 are off; 5.5 h more on 10-08 end at 16:00.
    const due = slaInstant(cal, at('2026-09-30T08:00:00Z'), '1 working day') as Date;
    expect(due.toISOString()).toBe('2026-10-08T08:00:00.000Z');
    expect(cal.isWorkingDay('2026-10-07')).toBe(false);
  });

  it('due "0 days" is the trigger itself; "3 days" keeps the wall-clock time', () => {
    expect(dueInstant(cal, at('2026-03-01T18:00:00Z'), '0 days').toISOString()).toBe(
      '2026-03-01T18:00:00.000Z',
    );
    expect(dueInstant(cal, at('2026-03-01T18:00:00Z'), '3 days').toISOString()).toBe(
      '2026-03-04T18:00:00.000Z',
    );
  });

  it('every 1 day → each date its own period; every 1 week → 7-day periods from the anchor', () => {
    expect(periodStart('2026-03-02', '2026-03-05', '1 day')).toBe('2026-03-05');
    expect(periodStart('2026-03-02', '2026-03-12', '1 week')).toBe('2026-03-09');
    expect(periodStart('2026-01-31', '2026-03-30', '1 month')).toBe('2026-02-28');
  });
});
