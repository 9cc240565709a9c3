import Decimal from 'decimal.js';
import { formatMoney, sumMoney } from '../money';
import { equalInstallmentPayment, equalInstallmentSchedule } from './equal-installment.schedule';
import { scheduleTotal } from './schedule.types';

const loan = { principal: '100000', annualRate: '4.9%', termMonths: 12, startDate: '2026-01-31' };

describe('等额本息 equal installment', () => {
  it('100,000 at 4.9% over 12 months → level payment 8,556.17 = P·r(1+r)^n/((1+r)^n−1)', () => {
    // Independent check at 60 digits with the textbook formula, r = 0.049 / 12.
    const D = Decimal.clone({ precision: 60 });
    const r = new D('0.049').div(12);
    const g = r.plus(1).pow(12);
    const exact = new D(100000).mul(r).mul(g).div(g.minus(1));
    expect(exact.toFixed(10)).toBe('8556.1662334140');
    expect(formatMoney(equalInstallmentPayment('100000', '4.9%', 12))).toBe('8556.17');
  });

  it('100,000 at 4.9% / 12: month 1 is 408.33 interest + 8,147.84 principal; month 2 is 375.06 + 8,181.11', () => {
    const rows = equalInstallmentSchedule(loan);
    // 100000 × 0.049 / 12 = 408.333… → 408.33; 8556.17 − 408.33 = 8147.84.
    expect(rows[0]).toEqual({
      seq: 1,
      dueDate: '2026-02-28',
      principal: '8147.84',
      interest: '408.33',
    });
    // (100000 − 8147.84) × 0.049 / 12 = 375.0587… → 375.06.
    expect(rows[1]).toMatchObject({ principal: '8181.11', interest: '375.06' });
  });

  it('100,000 at 4.9% / 12: principal sums to exactly 100,000.00, last row absorbs the remainder (8,521.32 + 34.80), total interest 2,673.99', () => {
    const rows = equalInstallmentSchedule(loan);
    expect(formatMoney(scheduleTotal(rows, 'principal'))).toBe('100000.00');
    expect(rows[11]).toMatchObject({
      dueDate: '2027-01-31',
      principal: '8521.32',
      interest: '34.80',
    });
    expect(formatMoney(scheduleTotal(rows, 'interest'))).toBe('2673.99');
    rows.slice(0, 11).forEach((r) => {
      expect(formatMoney(sumMoney([r.principal, r.interest]))).toBe('8556.17');
    });
  });

  it('due dates are anchor + k months clamped to month end: 01-31 start → 02-28, 03-31, 04-30', () => {
    const dates = equalInstallmentSchedule(loan).map((r) => r.dueDate);
    expect(dates.slice(0, 3)).toEqual(['2026-02-28', '2026-03-31', '2026-04-30']);
  });

  it('zero rate degenerates to P / n: 1,000.00 over 3 months → 333.33, 333.33, 333.34', () => {
    const rows = equalInstallmentSchedule({
      ...loan,
      principal: '1000',
      annualRate: '0',
      termMonths: 3,
    });
    expect(rows.map((r) => r.principal)).toEqual(['333.33', '333.33', '333.34']);
    expect(rows.every((r) => r.interest === '0.00')).toBe(true);
  });

  it('refuses a non-positive principal or term', () => {
    expect(() => equalInstallmentSchedule({ ...loan, principal: '0' })).toThrow(/positive/);
    expect(() => equalInstallmentSchedule({ ...loan, termMonths: 0 })).toThrow(/termMonths/);
  });
});
