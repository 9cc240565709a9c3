import { BusinessCalendar } from './business-calendar';
import { InvalidCalendarInputError } from './calendar.errors';

const at = (iso: string): Date => new Date(iso);

describe('BusinessCalendar working hours (Shanghai, 09:00-12:00 and 13:30-17:30)', () => {
  const calendar = new BusinessCalendar();
  const add = (iso: string, hours: number): string =>
    calendar.addWorkingHours(at(iso), hours).toISOString();

  it('2 working hours from Fri 2026-02-13 16:30 end on the make-up Saturday 02-14 at 10:00', () => {
    expect(add('2026-02-13T16:30:00+08:00', 2)).toBe('2026-02-14T02:00:00.000Z');
  });

  it('1 working hour from Fri 2026-02-13 16:30 ends at closing time 17:30 that day', () => {
    expect(add('2026-02-13T16:30:00+08:00', 1)).toBe('2026-02-13T09:30:00.000Z');
  });

  it('2 working hours from Sat 2026-02-14 11:00 skip lunch and end at 14:30', () => {
    expect(add('2026-02-14T11:00:00+08:00', 2)).toBe('2026-02-14T06:30:00.000Z');
  });

  it('1 working hour from Sat 2026-02-14 17:00 skips 02-15..02-23 and ends Tue 02-24 09:30', () => {
    expect(add('2026-02-14T17:00:00+08:00', 1)).toBe('2026-02-24T01:30:00.000Z');
  });

  it('2 working hours from Wed 2026-09-30 17:00 skip National Day and end 10-08 10:30', () => {
    expect(add('2026-09-30T17:00:00+08:00', 2)).toBe('2026-10-08T02:30:00.000Z');
  });

  it('1 working hour from Fri 2026-03-06 17:00 skips an ordinary weekend to Mon 03-09 09:30', () => {
    expect(add('2026-03-06T17:00:00+08:00', 1)).toBe('2026-03-09T01:30:00.000Z');
  });

  it('counts from the next opening when started at night, before opening or at lunch', () => {
    expect(add('2026-03-09T20:00:00+08:00', 1)).toBe('2026-03-10T02:00:00.000Z');
    expect(add('2026-03-09T07:00:00+08:00', 0.5)).toBe('2026-03-09T01:30:00.000Z');
    expect(add('2026-03-09T12:45:00+08:00', 1)).toBe('2026-03-09T06:30:00.000Z');
  });

  it('14 working hours from Mon 2026-03-09 09:00 are two full days, ending Tue 17:30', () => {
    expect(add('2026-03-09T09:00:00+08:00', 14)).toBe('2026-03-10T09:30:00.000Z');
  });

  it('0.25 working hours from Fri 2026-02-13 17:20 end on Sat 02-14 at 09:05', () => {
    expect(add('2026-02-13T17:20:00+08:00', 0.25)).toBe('2026-02-14T01:05:00.000Z');
  });

  it('0 working hours return the same instant', () => {
    expect(add('2026-02-15T10:00:00+08:00', 0)).toBe('2026-02-15T02:00:00.000Z');
  });

  it('a tenant closure on the make-up Saturday 2026-02-14 moves the 2-hour SLA to 02-24 10:00', () => {
    const tenant = new BusinessCalendar({
      extraHolidays: [{ date: '2026-02-14', reason: '年会' }],
    });
    expect(tenant.addWorkingHours(at('2026-02-13T16:30:00+08:00'), 2).toISOString()).toBe(
      '2026-02-24T02:00:00.000Z',
    );
  });

  it('uses the tenant time zone and hours: Urumqi 10:00-14:00, 15:30-19:30', () => {
    const tenant = new BusinessCalendar({
      timeZone: 'Asia/Urumqi',
      workingHours: [
        { start: '10:00', end: '14:00' },
        { start: '15:30', end: '19:30' },
      ],
    });
    // Mon 2026-03-02 13:00 in Urumqi (UTC+6): 1 h to 14:00, then 15:30 + 1 h = 16:30.
    expect(tenant.addWorkingHours(at('2026-03-02T13:00:00+06:00'), 2).toISOString()).toBe(
      '2026-03-02T10:30:00.000Z',
    );
    expect(
      tenant.workingHoursBetween(at('2026-03-02T13:00:00+06:00'), at('2026-03-02T16:30:00+06:00')),
    ).toBe(2);
  });

  it('workingHoursBetween Fri 2026-02-13 16:30 and Tue 02-24 10:00 is 1 + 7 + 1 = 9', () => {
    const from = at('2026-02-13T16:30:00+08:00');
    const to = at('2026-02-24T10:00:00+08:00');
    expect(calendar.workingHoursBetween(from, to)).toBe(9);
    expect(calendar.workingHoursBetween(to, from)).toBe(-9);
    expect(calendar.workingHoursBetween(from, calendar.addWorkingHours(from, 2))).toBe(2);
  });

  it('workingHoursBetween counts nothing over lunch and one day across National Day', () => {
    expect(
      calendar.workingHoursBetween(
        at('2026-02-14T12:00:00+08:00'),
        at('2026-02-14T13:30:00+08:00'),
      ),
    ).toBe(0);
    expect(
      calendar.workingHoursBetween(
        at('2026-09-30T09:00:00+08:00'),
        at('2026-10-08T09:00:00+08:00'),
      ),
    ).toBe(7);
  });

  it('rejects negative or non-finite hours and invalid instants', () => {
    const friday = at('2026-02-13T16:30:00+08:00');
    expect(() => calendar.addWorkingHours(friday, -1)).toThrow(InvalidCalendarInputError);
    expect(() => calendar.addWorkingHours(friday, Infinity)).toThrow(InvalidCalendarInputError);
    expect(() => calendar.addWorkingHours(at('nonsense'), 1)).toThrow(InvalidCalendarInputError);
  });
});
