import { BusinessCalendar } from './business-calendar';
import { CalendarCoverageError, InvalidCalendarInputError } from './calendar.errors';
import { deadlineFrom, noticeDeadline } from './deadline';

describe('deadlineFrom (start day not counted; ending on a day off moves to the next working day)', () => {
  it('a 10-day period from 2026-09-25 ends 10-05 in the National Day holiday, so 2026-10-08', () => {
    expect(deadlineFrom('2026-09-25', 10)).toBe('2026-10-08');
  });

  it('a 10-day period from Mon 2026-03-02 ends Thu 2026-03-12 (start day not counted)', () => {
    expect(deadlineFrom('2026-03-02', 10)).toBe('2026-03-12');
  });

  it('a 10-day period from 2026-03-04 ends on Sat 03-14, so Mon 2026-03-16', () => {
    expect(deadlineFrom('2026-03-04', 10)).toBe('2026-03-16');
  });

  it('a 10-day period from 2026-02-05 ends on 02-15 in the Spring Festival, so 2026-02-24', () => {
    expect(deadlineFrom('2026-02-05', 10)).toBe('2026-02-24');
  });

  it('a 10-day period from 2026-02-18 ends on the make-up Saturday 2026-02-28 and stays', () => {
    expect(deadlineFrom('2026-02-18', 10)).toBe('2026-02-28');
  });

  it('a 10-day period from 2025-12-24 ends on New Year Sat 2026-01-03, so make-up Sun 01-04', () => {
    expect(deadlineFrom('2025-12-24', 10)).toBe('2026-01-04');
  });

  it("honours a tenant calendar's closure on 2026-03-12 when given one", () => {
    const tenant = new BusinessCalendar({
      extraHolidays: [{ date: '2026-03-12', reason: '系统停机' }],
    });
    expect(deadlineFrom('2026-03-02', 10, tenant)).toBe('2026-03-13');
  });

  it('rejects empty or fractional periods, bad dates, and ends beyond the holiday data', () => {
    expect(() => deadlineFrom('2026-03-02', 0)).toThrow(InvalidCalendarInputError);
    expect(() => deadlineFrom('2026-03-02', 1.5)).toThrow(InvalidCalendarInputError);
    expect(() => deadlineFrom('2026-02-30', 10)).toThrow(InvalidCalendarInputError);
    expect(() => deadlineFrom('2003-12-01', 10)).toThrow(CalendarCoverageError);
  });

  it("a 10-day period from 2026-12-25 runs into 2027 (law's holidays, provisional): 2027-01-04", () => {
    expect(deadlineFrom('2026-12-25', 10)).toBe('2027-01-04');
    expect(deadlineFrom('2026-12-22', 10)).toBe('2027-01-04');
  });
});

describe('noticeDeadline (final notice: 10 days from signed receipt, else from send date + 3)', () => {
  const rule = { periodDays: 10, fallbackOffsetDays: 3 };

  it('signed on Mon 2026-03-02: deadline 2026-03-12, 自签收之日起10日', () => {
    expect(
      noticeDeadline({ ...rule, sentOn: '2026-02-27', outcome: 'signed', signedOn: '2026-03-02' }),
    ).toEqual({
      deadline: '2026-03-12',
      countFrom: '2026-03-02',
      extended: false,
      explanation: { en: '10 days from signed receipt', zh: '自签收之日起10日' },
    });
  });

  it('refused, sent Mon 2026-03-02: counts from 03-05, ends Sun 03-15, so 2026-03-16', () => {
    const result = noticeDeadline({ ...rule, sentOn: '2026-03-02', outcome: 'refused' });
    expect(result).toMatchObject({
      deadline: '2026-03-16',
      countFrom: '2026-03-05',
      extended: true,
    });
    expect(result.explanation.zh).toBe(
      '拒收，自发出之日顺延3日起计算10日；期满日为节假日的，顺延至节假日后第一个工作日',
    );
    expect(result.explanation.en).toBe(
      'refused: 10 days counted from 3 days after sending; ' +
        'ends on a non-working day, so extended to the next working day',
    );
  });

  it('undeliverable, sent 2026-02-10: counts from 02-13, ends 02-23 (Spring Festival), so 02-24', () => {
    const result = noticeDeadline({ ...rule, sentOn: '2026-02-10', outcome: 'undeliverable' });
    expect(result).toMatchObject({
      deadline: '2026-02-24',
      countFrom: '2026-02-13',
      extended: true,
    });
    expect(result.explanation.zh).toMatch(/^无法送达，自发出之日顺延3日起计算10日/);
  });

  it('signed on 2026-09-23: ends 10-03 in the National Day holiday, so 2026-10-08', () => {
    expect(
      noticeDeadline({ ...rule, sentOn: '2026-09-21', outcome: 'signed', signedOn: '2026-09-23' }),
    ).toMatchObject({ deadline: '2026-10-08', countFrom: '2026-09-23', extended: true });
  });

  it('pending delivery has no deadline yet', () => {
    expect(noticeDeadline({ ...rule, sentOn: '2026-03-02', outcome: 'pending' })).toEqual({
      deadline: null,
      countFrom: null,
      extended: false,
      explanation: { en: 'awaiting delivery outcome', zh: '待确认送达结果' },
    });
  });

  it('rejects inconsistent delivery facts and bad rule numbers', () => {
    const sent = { ...rule, sentOn: '2026-03-02' };
    expect(() => noticeDeadline({ ...sent, outcome: 'signed' })).toThrow(InvalidCalendarInputError);
    expect(() => noticeDeadline({ ...sent, outcome: 'refused', signedOn: '2026-03-03' })).toThrow(
      InvalidCalendarInputError,
    );
    expect(() => noticeDeadline({ ...sent, outcome: 'signed', signedOn: '2026-03-01' })).toThrow(
      InvalidCalendarInputError,
    );
    expect(() => noticeDeadline({ ...sent, outcome: 'refused', periodDays: 0 })).toThrow(
      InvalidCalendarInputError,
    );
    expect(() => noticeDeadline({ ...sent, outcome: 'refused', fallbackOffsetDays: -1 })).toThrow(
      InvalidCalendarInputError,
    );
  });
});
