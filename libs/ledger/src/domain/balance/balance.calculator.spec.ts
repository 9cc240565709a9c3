import { LoanAccount } from './account.types';
import { computeBalance } from './balance.calculator';

/** One installment of 100,000.00 principal due 2026-01-01 at 6%, markup 50%, basis 360. */
const bullet: LoanAccount = {
  principal: '100000.00',
  annualRate: '6%',
  dayCountBasis: 360,
  penaltyMarkup: '0.5',
  compoundInterest: false,
  schedule: [{ seq: 1, dueDate: '2026-01-01', principal: '100000.00', interest: '0.00' }],
};

describe('computeBalance — penalty and compound interest', () => {
  it('charges penalty interest at contract rate × 1.5 for 31 days: 100,000.00 × 9% × 31 / 360 = 775.00', () => {
    const b = computeBalance(bullet, '2026-02-01');
    expect(b.penaltyInterest).toBe('775.00');
    expect(b.overduePrincipal).toBe('100000.00');
    expect(b.totalDue).toBe('100775.00');
    expect(b.dpd).toBe(31);
  });

  it('uses basis 365 when the pack says so: 100,000.00 × 9% × 31 / 365 = 764.38', () => {
    expect(computeBalance({ ...bullet, dayCountBasis: 365 }, '2026-02-01').penaltyInterest).toBe(
      '764.38',
    );
  });

  it('does not count the due date itself: as of the due date penalty 0.00, one day later 25.00', () => {
    const onDue = computeBalance(bullet, '2026-01-01');
    expect(onDue.penaltyInterest).toBe('0.00');
    expect(onDue.dueToday).toBe('100000.00');
    expect(onDue.overduePrincipal).toBe('0.00');
    expect(onDue.dpd).toBe(0);
    expect(computeBalance(bullet, '2026-01-02').penaltyInterest).toBe('25.00');
  });

  it('charges compound interest on unpaid interest at the penalty rate: 500.00 × 9% × 30 / 360 = 3.75 (and 75.00 penalty on 10,000.00)', () => {
    const account: LoanAccount = {
      ...bullet,
      principal: '10000.00',
      compoundInterest: true,
      schedule: [{ seq: 1, dueDate: '2026-01-01', principal: '10000.00', interest: '500.00' }],
    };
    const b = computeBalance(account, '2026-01-31');
    expect(b.penaltyInterest).toBe('75.00');
    expect(b.compoundInterest).toBe('3.75');
    expect(b.overdueInterest).toBe('500.00');
    expect(b.totalDue).toBe('10578.75');
    expect(
      computeBalance({ ...account, compoundInterest: false }, '2026-01-31').compoundInterest,
    ).toBe('0.00');
  });

  it('penalty follows the unpaid principal piecewise: 10 days on 100,000 (250.00, paid) then 21 days on 50,000 (262.50)', () => {
    const account: LoanAccount = {
      ...bullet,
      payments: [{ id: 'r1', date: '2026-01-11', amount: '50250.00' }],
    };
    const b = computeBalance(account, '2026-02-01');
    expect(b.allocations).toEqual([
      { paymentId: 'r1', date: '2026-01-11', seq: 1, component: 'penalty', amount: '250.00' },
      { paymentId: 'r1', date: '2026-01-11', seq: 1, component: 'principal', amount: '50000.00' },
    ]);
    expect(b.penaltyInterest).toBe('262.50');
    expect(b.overduePrincipal).toBe('50000.00');
    expect(b.totalDue).toBe('50262.50');
  });

  it('a reversal puts the account back as if the receipt never came: 775.00 penalty on 100,000.00 again', () => {
    const account: LoanAccount = {
      ...bullet,
      payments: [
        { id: 'r1', date: '2026-01-11', amount: '50250.00' },
        { id: 'x1', date: '2026-01-20', amount: '-50250.00', reverses: 'r1' },
      ],
    };
    const after = computeBalance(account, '2026-02-01');
    expect(after.penaltyInterest).toBe('775.00');
    expect(after.overduePrincipal).toBe('100000.00');
    expect(after.reversedPaymentIds).toEqual(['r1']);
    expect(after.allocations).toEqual([]);
    // Before the reversal date the statement is what was shown then: 50,000 + 8 days × 12.50.
    const before = computeBalance(account, '2026-01-19');
    expect(before.overduePrincipal).toBe('50000.00');
    expect(before.penaltyInterest).toBe('100.00');
  });

  it('rounds once at the end, not per day: 1,000.00 at 5% × 1.3 for 30 days = 5.4166… → 5.42 (per-day rounding would give 30 × 0.18 = 5.40)', () => {
    const small: LoanAccount = {
      ...bullet,
      principal: '1000.00',
      annualRate: '5%',
      penaltyMarkup: '0.3',
      schedule: [{ seq: 1, dueDate: '2026-01-01', principal: '1000.00', interest: '0.00' }],
    };
    expect(computeBalance(small, '2026-01-31').penaltyInterest).toBe('5.42');
  });

  it('refuses a schedule whose principal does not add up to the account principal', () => {
    expect(() => computeBalance({ ...bullet, principal: '99999.99' }, '2026-02-01')).toThrow(
      /schedule principal 100000.00/,
    );
  });
});
