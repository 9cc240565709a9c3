import { formatMoney } from '../money';
import { scheduleTotal } from './schedule.types';
import { studentLoanSchedule } from './student-loan.schedule';

// Row SY20160000 of test/fixtures/student-loans.csv.
const sy2016 = {
  principal: '6000.00',
  annualRate: '4.35%',
  subsidyEndDate: '2020-08-31',
  graceYears: 3,
  finalDueDate: '2035-12-20',
};

describe('生源地信用助学贷款 student loan', () => {
  it('no interest while subsidised; first bill 2020-12-20 = 6,000 × 4.35% × 111 / 360 = 80.475 → 80.48', () => {
    const rows = studentLoanSchedule(sy2016);
    expect(rows[0]).toEqual({
      seq: 1,
      dueDate: '2020-12-20',
      principal: '0.00',
      interest: '80.48',
    });
  });

  it('grace years 2021–2022 are interest only: 6,000 × 4.35% × 365 / 360 = 264.625 → 264.63', () => {
    const rows = studentLoanSchedule(sy2016);
    expect(rows[1]).toMatchObject({ dueDate: '2021-12-20', principal: '0.00', interest: '264.63' });
    expect(rows[2]).toMatchObject({ dueDate: '2022-12-20', principal: '0.00', interest: '264.63' });
  });

  it('after grace ends 2023-08-31, principal in 13 equal parts of 461.54 (last 461.52) to 2035-12-20', () => {
    const rows = studentLoanSchedule(sy2016);
    expect(rows).toHaveLength(16);
    expect(rows[3]).toMatchObject({
      dueDate: '2023-12-20',
      principal: '461.54',
      interest: '264.63',
    });
    expect(rows[15]).toMatchObject({ dueDate: '2035-12-20', principal: '461.52' });
    expect(formatMoney(scheduleTotal(rows, 'principal'))).toBe('6000.00');
  });

  it('interest follows the balance and actual days: 2024-12-20 = 5,538.46 × 4.35% × 366 / 360 = 244.94; last = 461.52 × 4.35% × 365 / 360 = 20.35', () => {
    const rows = studentLoanSchedule(sy2016);
    expect(rows[4]).toMatchObject({ dueDate: '2024-12-20', interest: '244.94' });
    expect(rows[15].interest).toBe('20.35');
    expect(formatMoney(scheduleTotal(rows, 'interest'))).toBe('2463.45');
  });

  it('2020 policy row (5 grace years, 3.85%): interest only to 2028, principal 2029–2039 in 11 parts of 545.45 (last 545.50)', () => {
    const rows = studentLoanSchedule({
      principal: '6000.00',
      annualRate: '3.85%',
      subsidyEndDate: '2024-08-31',
      graceYears: 5,
      finalDueDate: '2039-12-20',
    });
    const repaying = rows.filter((r) => r.principal !== '0.00');
    expect(repaying[0].dueDate).toBe('2029-12-20');
    expect(repaying).toHaveLength(11);
    expect(repaying[0].principal).toBe('545.45');
    expect(repaying[10].principal).toBe('545.50');
  });

  it('refuses a grace period that leaves no repayment date', () => {
    expect(() => studentLoanSchedule({ ...sy2016, graceYears: 16 })).toThrow(/no settlement date/);
  });
});
