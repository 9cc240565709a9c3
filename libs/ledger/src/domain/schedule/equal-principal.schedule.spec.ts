import { formatMoney, sumMoney } from '../money';
import { equalPrincipalSchedule } from './equal-principal.schedule';
import { scheduleTotal } from './schedule.types';

const loan = { principal: '120000', annualRate: '6%', termMonths: 12, startDate: '2026-01-15' };
const payment = (r: { principal: string; interest: string }) =>
  formatMoney(sumMoney([r.principal, r.interest]));

describe('等额本金 equal principal', () => {
  it('120,000 at 6% over 12 months → first payment 10,600.00, second 10,550.00, last 10,050.00', () => {
    const rows = equalPrincipalSchedule(loan);
    // 10,000 principal each month + balance × 0.5%: 600, 550, … 50.
    expect(payment(rows[0])).toBe('10600.00');
    expect(payment(rows[1])).toBe('10550.00');
    expect(payment(rows[11])).toBe('10050.00');
    expect(rows[11]).toMatchObject({ seq: 12, dueDate: '2027-01-15', principal: '10000.00' });
  });

  it('120,000 at 6% over 12 months → total interest 3,900.00 (= 50 × 78)', () => {
    expect(formatMoney(scheduleTotal(equalPrincipalSchedule(loan), 'interest'))).toBe('3900.00');
  });

  it('100,000 over 12 months: 8,333.33 × 11 and the last takes 8,333.37 so principal sums exactly', () => {
    const rows = equalPrincipalSchedule({ ...loan, principal: '100000' });
    expect(rows[0].principal).toBe('8333.33');
    expect(rows[11].principal).toBe('8333.37');
    expect(formatMoney(scheduleTotal(rows, 'principal'))).toBe('100000.00');
  });

  it('firstDueDate moves the whole ladder: first 2026-03-20 → twelfth 2027-02-20', () => {
    const rows = equalPrincipalSchedule({ ...loan, firstDueDate: '2026-03-20' });
    expect(rows[0].dueDate).toBe('2026-03-20');
    expect(rows[11].dueDate).toBe('2027-02-20');
  });
});
