import { getDayDetail, isInLieu, isWorkday } from 'chinese-days';
import { CalendarCoverageError } from './calendar.errors';
import { addDays } from './local-date';
import { PRC_CALENDAR_COVERAGE, isPrcWorkingDay, prcDay } from './prc-holidays';

const range = (from: string, to: string): string[] => {
  const dates: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) dates.push(d);
  return dates;
};

describe('PRC public calendar (chinese-days data)', () => {
  it("covers 2004-2026; refuses 2003 and 2100; 2027 counts only the law's holidays, provisional", () => {
    expect(PRC_CALENDAR_COVERAGE).toEqual({ firstYear: 2004, lastYear: 2026 });
    expect(() => prcDay('2003-12-31')).toThrow(CalendarCoverageError);
    expect(() => prcDay('2100-01-04')).toThrow(CalendarCoverageError);
    expect(prcDay('2027-03-01')).toEqual({
      date: '2027-03-01',
      working: true,
      kind: 'workday',
      provisional: true,
    });
    expect(prcDay('2027-02-08')).toMatchObject({
      working: false,
      kind: 'holiday',
      provisional: true,
    });
    expect(prcDay('2027-02-08').holiday?.zh).toBe('春节');
    expect(prcDay('2027-02-09').working).toBe(true);
  });

  it('2026 Spring Festival: off 02-15..02-23, make-up Saturdays 02-14 and 02-28', () => {
    for (const date of range('2026-02-15', '2026-02-23')) {
      expect(prcDay(date)).toMatchObject({ working: false, kind: 'holiday' });
    }
    expect(prcDay('2026-02-14')).toEqual({
      date: '2026-02-14',
      working: true,
      kind: 'make-up',
      holiday: { en: 'Spring Festival', zh: '春节' },
    });
    expect(prcDay('2026-02-28')).toMatchObject({ working: true, kind: 'make-up' });
    expect(isPrcWorkingDay('2026-02-13')).toBe(true);
    expect(isPrcWorkingDay('2026-02-24')).toBe(true);
  });

  it('2026 National Day: off 10-01..10-07, make-up Sunday 09-20 and Saturday 10-10', () => {
    for (const date of range('2026-10-01', '2026-10-07')) {
      expect(prcDay(date)).toMatchObject({ working: false, kind: 'holiday' });
    }
    expect(prcDay('2026-09-20')).toMatchObject({ working: true, kind: 'make-up' });
    expect(prcDay('2026-10-10')).toMatchObject({ working: true, kind: 'make-up' });
    expect(isPrcWorkingDay('2026-10-08')).toBe(true);
    expect(isPrcWorkingDay('2026-10-11')).toBe(false);
  });

  it('2026 Mid-autumn: Friday 09-25 is a holiday; ordinary weekends rest', () => {
    expect(prcDay('2026-09-25')).toMatchObject({
      working: false,
      kind: 'holiday',
      holiday: { en: 'Mid-autumn Festival', zh: '中秋' },
    });
    expect(prcDay('2026-03-07')).toEqual({ date: '2026-03-07', working: false, kind: 'weekend' });
    expect(prcDay('2026-03-09')).toEqual({ date: '2026-03-09', working: true, kind: 'workday' });
  });

  // chinese-days' functions build their tables in the process time zone, and shift a day
  // under a negative UTC offset; compare only where they are sound.
  const functionsAreSound = new Date(2026, 0, 1).getTimezoneOffset() <= 0;
  (functionsAreSound ? it : it.skip)(
    'agrees with chinese-days isWorkday/getDayDetail on every day of 2004-2026',
    () => {
      const disagreements: string[] = [];
      for (const date of range('2004-01-01', '2026-12-31')) {
        const [y, m, d] = date.split('-').map(Number);
        const local = new Date(y, m - 1, d);
        const ours = prcDay(date);
        const detail = getDayDetail(local);
        if (
          ours.working !== isWorkday(local) ||
          ours.working !== detail.work ||
          (ours.holiday !== undefined) !== detail.name.includes(',') ||
          (isInLieu(local) && ours.kind !== 'holiday')
        ) {
          disagreements.push(date);
        }
      }
      expect(disagreements).toEqual([]);
    },
  );
});
