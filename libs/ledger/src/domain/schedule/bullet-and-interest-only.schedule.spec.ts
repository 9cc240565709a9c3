import { bulletSchedule } from './bullet.schedule';
import { interestOnlySchedule } from './interest-only.schedule';

describe('bullet 到期一次还本 and interest-only 按月付息到期还本', () => {
  const coopLoan = {
    principal: '50000',
    annualRate: '9.72%',
    termMonths: 24,
    startDate: '2009-07-01',
  };

  it('利随本清 by months: 50,000 at 9.72% for 24 months → one installment 2011-07-01 of 50,000 + 9,720.00', () => {
    expect(bulletSchedule({ ...coopLoan, interestPayment: 'maturity' })).toEqual([
      { seq: 1, dueDate: '2011-07-01', principal: '50000.00', interest: '9720.00' },
    ]);
  });

  it('利随本清 by actual days / 360: 730 days → 50,000 × 9.72% × 730 / 360 = 9,855.00', () => {
    const [row] = bulletSchedule({ ...coopLoan, interestPayment: 'maturity', dayCountBasis: 360 });
    expect(row.interest).toBe('9855.00');
  });

  it('monthly interest: 50,000 at 6% for 3 months → 250.00 each month, principal with the third', () => {
    const params = { principal: '50000', annualRate: '6%', termMonths: 3, startDate: '2026-01-31' };
    const expected = [
      { seq: 1, dueDate: '2026-02-28', principal: '0.00', interest: '250.00' },
      { seq: 2, dueDate: '2026-03-31', principal: '0.00', interest: '250.00' },
      { seq: 3, dueDate: '2026-04-30', principal: '50000.00', interest: '250.00' },
    ];
    expect(interestOnlySchedule(params)).toEqual(expected);
    expect(bulletSchedule({ ...params, interestPayment: 'monthly' })).toEqual(expected);
  });
});
