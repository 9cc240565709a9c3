import { LoanAccount } from './account.types';
import { computeBalance } from './balance.calculator';

/** Three monthly installments of 1,000.00 principal; 6%, markup 50% (9% penalty), basis 360. */
const account: LoanAccount = {
  principal: '3000.00',
  annualRate: '6%',
  penaltyMarkup: '0.5',
  compoundInterest: false,
  schedule: [
    { seq: 1, dueDate: '2026-01-31', principal: '1000.00', interest: '50.00' },
    { seq: 2, dueDate: '2026-02-28', principal: '1000.00', interest: '45.00' },
    { seq: 3, dueDate: '2026-03-31', principal: '1000.00', interest: '40.00' },
  ],
};

describe('computeBalance — days past due, credit and fees', () => {
  it('a partial payment does not reset DPD: 500.00 on 03-05 leaves #1 short by 558.25, DPD stays 38 from 01-31 (M2, special-mention)', () => {
    const b = computeBalance(
      { ...account, payments: [{ id: 'p', date: '2026-03-05', amount: '500.00' }] },
      '2026-03-10',
    );
    // #1 penalty 1,000 × 9% × 33 / 360 = 8.25, then interest 50.00, principal 441.75.
    expect(b.allocations.map((l) => `${l.seq}:${l.component}:${l.amount}`)).toEqual([
      '1:penalty:8.25',
      '1:interest:50.00',
      '1:principal:441.75',
    ]);
    expect(b.installments[0]).toMatchObject({ principal: '558.25', interest: '0.00', dpd: 38 });
    expect(b.installments[1].dpd).toBe(10);
    expect(b.dpd).toBe(38);
    expect(b.agingBucket).toBe('M2');
    expect(b.loanClass).toBe('special-mention');
  });

  it('paying the oldest installment in full moves DPD to the next unpaid one: 1,058.25 on 03-05 → DPD 10 from 02-28 (M1)', () => {
    const b = computeBalance(
      { ...account, payments: [{ id: 'p', date: '2026-03-05', amount: '1058.25' }] },
      '2026-03-10',
    );
    expect(b.installments[0]).toMatchObject({ principal: '0.00', penaltyInterest: '0.00', dpd: 0 });
    expect(b.dpd).toBe(10);
    expect(b.agingBucket).toBe('M1');
    // #2: 1,045.00 overdue + 1,000 × 9% × 10 / 360 = 2.50 penalty.
    expect(b.overduePrincipal).toBe('1000.00');
    expect(b.overdueInterest).toBe('45.00');
    expect(b.penaltyInterest).toBe('2.50');
    expect(b.totalDue).toBe('1047.50');
  });

  it('holds money paid before anything is due as credit and applies it on due dates: 2,000.00 on 01-15 → 950.00 credit on 02-10, 95.00 short on #2 by 03-10', () => {
    const paidEarly = {
      ...account,
      payments: [{ id: 'p', date: '2026-01-15', amount: '2000.00' }],
    };
    const feb = computeBalance(paidEarly, '2026-02-10');
    expect(feb.overpayment).toBe('950.00');
    expect(feb.totalDue).toBe('0.00');
    expect(feb.dpd).toBe(0);
    expect(feb.allocations.every((l) => l.date === '2026-01-31')).toBe(true);

    const mar = computeBalance(paidEarly, '2026-03-10');
    expect(mar.overpayment).toBe('0.00');
    expect(mar.overduePrincipal).toBe('95.00');
    // 95.00 × 9% × 10 / 360 = 0.2375 → 0.24.
    expect(mar.penaltyInterest).toBe('0.24');
    expect(mar.dpd).toBe(10);
    expect(mar.outstandingPrincipal).toBe('1095.00');
  });

  it('a fee without seq belongs to the latest installment due on its date and is paid first: 50.00 fee on 02-05 + 8.25 penalty absorb the first 58.25', () => {
    const b = computeBalance(
      {
        ...account,
        fees: [{ date: '2026-02-05', amount: '50.00', kind: 'visit' }],
        payments: [{ id: 'p', date: '2026-03-05', amount: '100.00' }],
      },
      '2026-03-05',
    );
    expect(b.allocations.map((l) => `${l.seq}:${l.component}:${l.amount}`)).toEqual([
      '1:fees:50.00',
      '1:penalty:8.25',
      '1:interest:41.75',
    ]);
    expect(b.fees).toBe('0.00');
    expect(b.overdueInterest).toBe('53.25');
  });

  it('applies pack aging buckets and loan-class bands: 38 DPD → "B2" and substandard under stricter bands', () => {
    const b = computeBalance(account, '2026-03-10', {
      agingBuckets: [
        { label: 'B0', minDpd: 0 },
        { label: 'B1', minDpd: 1 },
        { label: 'B2', minDpd: 31 },
      ],
      loanClassBands: [
        { label: 'pass', minDpd: 0 },
        { label: 'special-mention', minDpd: 1 },
        { label: 'substandard', minDpd: 31 },
      ],
    });
    expect(b.dpd).toBe(38);
    expect(b.agingBucket).toBe('B2');
    expect(b.loanClass).toBe('substandard');
  });
});
