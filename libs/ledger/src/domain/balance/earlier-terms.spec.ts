import { LoanAccount } from './account.types';
import { computeBalance } from './balance.calculator';

/** 100,000.00 due 2026-01-01 at 6% with 1,000.00 interest; basis 360. */
const bullet: LoanAccount = {
  principal: '100000.00',
  annualRate: '6%',
  dayCountBasis: 360,
  penaltyMarkup: '0.3',
  compoundInterest: false,
  schedule: [{ seq: 1, dueDate: '2026-01-01', principal: '100000.00', interest: '1000.00' }],
};

describe('computeBalance — terms that changed on a date (a pack upgrade)', () => {
  it('charges each day at the markup in force on it: 10 days at 50% (250.00) then 21 days at 30% (455.00) = 705.00', () => {
    const b = computeBalance(
      {
        ...bullet,
        earlierTerms: [{ through: '2026-01-11', penaltyMarkup: '0.5', compoundInterest: false }],
      },
      '2026-02-01',
    );
    // 100,000 × 9% × 10 / 360 = 250.00; 100,000 × 7.8% × 21 / 360 = 455.00.
    expect(b.penaltyInterest).toBe('705.00');
    expect(b.dpd).toBe(31);
  });

  it('switches compound interest on from the change only: 1,000.00 × 7.8% × 21 / 360 = 4.55 for the days after 01-11', () => {
    const b = computeBalance(
      {
        ...bullet,
        compoundInterest: true,
        earlierTerms: [{ through: '2026-01-11', penaltyMarkup: '0.3', compoundInterest: false }],
      },
      '2026-02-01',
    );
    expect(b.compoundInterest).toBe('4.55');
    // Penalty: 10 days at 7.8% (216.67) + 21 days at 7.8% (455.00), the markup never changed.
    expect(b.penaltyInterest).toBe('671.67');
  });

  it('a balance as of a day before the change sees only the earlier terms: 01-11 → 250.00 at 50%', () => {
    const b = computeBalance(
      {
        ...bullet,
        earlierTerms: [{ through: '2026-01-11', penaltyMarkup: '0.5', compoundInterest: false }],
      },
      '2026-01-11',
    );
    expect(b.penaltyInterest).toBe('250.00');
  });

  it('allocates a receipt in the order in force on its date: principal first until 01-11, the default after', () => {
    const account: LoanAccount = {
      ...bullet,
      earlierTerms: [
        {
          through: '2026-01-11',
          penaltyMarkup: '0.3',
          compoundInterest: false,
          allocationOrder: ['principal', 'interest', 'fees', 'penalty', 'compound'],
        },
      ],
    };
    const early = computeBalance(
      { ...account, payments: [{ id: 'r1', date: '2026-01-05', amount: '500.00' }] },
      '2026-01-20',
    );
    expect(early.allocations.map((l) => `${l.component}:${l.amount}`)).toEqual([
      'principal:500.00',
    ]);
    const late = computeBalance(
      { ...account, payments: [{ id: 'r2', date: '2026-01-15', amount: '1500.00' }] },
      '2026-01-20',
    );
    // 14 days at 7.8% on 100,000 = 303.33 penalty first, then the 1,000.00 interest.
    expect(late.allocations.map((l) => `${l.component}:${l.amount}`)).toEqual([
      'penalty:303.33',
      'interest:1000.00',
      'principal:196.67',
    ]);
  });

  it('without earlier terms nothing changes: 31 days at 30% on 100,000 = 671.67', () => {
    expect(computeBalance(bullet, '2026-02-01').penaltyInterest).toBe('671.67');
  });
});
