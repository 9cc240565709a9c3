import { BusinessCalendar } from './business-calendar';
import { CalendarCoverageError, InvalidCalendarInputError } from './calendar.errors';

describe('BusinessCalendar working days', () => {
  const calendar = new BusinessCalendar();

  it('2026 Spring Festival: make-up Saturdays 02-14 and 02-28 work, 02-15..02-23 rest', () => {
    expect(calendar.isWorkingDay('2026-02-13')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-15')).toBe(false);
    expect(calendar.isWorkingDay('2026-02-23')).toBe(false);
    expect(calendar.isWorkingDay('2026-02-24')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-28')).toBe(true);
    expect(calendar.isWorkingDay('2026-03-07')).toBe(false);
  });

  it('1 working day from receipt on Fri 2026-02-13 is the make-up Saturday 2026-02-14', () => {
    expect(calendar.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
  });

  it('2 working days from Fri 2026-02-13 jump the Spring Festival to Tue 2026-02-24', () => {
    expect(calendar.addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
  });

  it('0 working days is the day itself, or the next working day when it is off', () => {
    expect(calendar.addWorkingDays('2026-02-13', 0)).toBe('2026-02-13');
    expect(calendar.addWorkingDays('2026-02-15', 0)).toBe('2026-02-24');
  });

  it('1 working day from Thu 2026-09-24 skips Mid-autumn 09-25 and the weekend to 09-28', () => {
    expect(calendar.addWorkingDays('2026-09-24', 1)).toBe('2026-09-28');
  });

  it('3 working days from Wed 2026-09-30 are 10-08, 10-09 and the make-up Saturday 10-10', () => {
    expect(calendar.addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
  });

  it('the next working day after the 2026 holidays', () => {
    expect(calendar.nextWorkingDay('2026-02-13')).toBe('2026-02-14');
    expect(calendar.nextWorkingDay('2026-02-14')).toBe('2026-02-24');
    expect(calendar.nextWorkingDay('2026-09-30')).toBe('2026-10-08');
    expect(calendar.nextWorkingDay('2026-10-09')).toBe('2026-10-10');
  });

  it('tenant closure on Tue 2026-02-24 pushes 2 working days from 02-13 to 02-25', () => {
    const tenant = new BusinessCalendar({
      extraHolidays: [{ date: '2026-02-24', reason: '办公室搬迁' }],
    });
    expect(tenant.isWorkingDay('2026-02-24')).toBe(false);
    expect(tenant.addWorkingDays('2026-02-13', 2)).toBe('2026-02-25');
    expect(tenant.describeDay('2026-02-24')).toEqual({
      date: '2026-02-24',
      working: false,
      kind: 'tenant-holiday',
      reason: '办公室搬迁',
    });
  });

  it('tenant working day on Sat 2026-02-21 (inside the Spring Festival) counts', () => {
    const tenant = new BusinessCalendar({
      extraWorkingDays: [{ date: '2026-02-21', reason: '节中值班' }],
    });
    expect(tenant.isWorkingDay('2026-02-21')).toBe(true);
    expect(tenant.nextWorkingDay('2026-02-14')).toBe('2026-02-21');
    expect(tenant.addWorkingDays('2026-02-13', 3)).toBe('2026-02-24');
  });

  it('describes public holidays and make-up days by festival', () => {
    expect(calendar.describeDay('2026-10-01')).toEqual({
      date: '2026-10-01',
      working: false,
      kind: 'holiday',
      holiday: { en: 'National Day', zh: '国庆节' },
    });
    expect(calendar.describeDay('2026-09-20')).toMatchObject({ working: true, kind: 'make-up' });
  });

  it("2027 (after the data): the law's holidays, or weekdays only if told, or overridden", () => {
    expect(calendar.isWorkingDay('2027-03-01')).toBe(true);
    expect(calendar.isWorkingDay('2027-10-01')).toBe(false);
    expect(() => calendar.isWorkingDay('2003-03-03')).toThrow(CalendarCoverageError);
    const lenient = new BusinessCalendar({ uncoveredYears: 'weekdays' });
    expect(lenient.isWorkingDay('2027-03-01')).toBe(true);
    expect(lenient.isWorkingDay('2027-03-06')).toBe(false);
    const overridden = new BusinessCalendar({
      extraHolidays: [{ date: '2027-01-01', reason: '元旦' }],
    });
    expect(overridden.isWorkingDay('2027-01-01')).toBe(false);
  });

  it('rejects bad overrides, bad dates and bad counts', () => {
    const twice = { extraHolidays: [{ date: '2026-03-02', reason: 'a' }] };
    expect(
      () =>
        new BusinessCalendar({ ...twice, extraWorkingDays: [{ date: '2026-03-02', reason: 'b' }] }),
    ).toThrow(InvalidCalendarInputError);
    expect(
      () => new BusinessCalendar({ extraHolidays: [{ date: '2026-03-02', reason: ' ' }] }),
    ).toThrow(InvalidCalendarInputError);
    expect(() => new BusinessCalendar({ timeZone: 'Beijing' })).toThrow(InvalidCalendarInputError);
    expect(() => calendar.isWorkingDay('2026-02-30')).toThrow(InvalidCalendarInputError);
    expect(() => calendar.addWorkingDays('2026-02-13', -1)).toThrow(InvalidCalendarInputError);
    expect(() => calendar.addWorkingDays('2026-02-13', 1.5)).toThrow(InvalidCalendarInputError);
  });
});
