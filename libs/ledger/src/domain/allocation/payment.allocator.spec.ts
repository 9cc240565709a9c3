import { formatMoney, sumMoney } from '../money';
import { allocatePayment } from './payment.allocator';
import { InstallmentDue } from './allocation.types';

const dues: InstallmentDue[] = [
  // Listed out of order on purpose: allocation sorts by due date.
  {
    seq: 2,
    dueDate: '2026-02-28',
    amounts: { penalty: '10.00', interest: '300.00', principal: '1000.00' },
  },
  {
    seq: 1,
    dueDate: '2026-01-31',
    amounts: {
      fees: '50.00',
      penalty: '20.00',
      compound: '1.50',
      interest: '300.00',
      principal: '1000.00',
    },
  },
];

describe('allocatePayment', () => {
  it('settles within an installment fees → penalty → compound → interest → principal: 400.00 → 50 + 20 + 1.50 + 300 + 28.50', () => {
    const { lines, overpayment } = allocatePayment('400.00', dues);
    expect(lines).toEqual([
      { seq: 1, component: 'fees', amount: '50.00' },
      { seq: 1, component: 'penalty', amount: '20.00' },
      { seq: 1, component: 'compound', amount: '1.50' },
      { seq: 1, component: 'interest', amount: '300.00' },
      { seq: 1, component: 'principal', amount: '28.50' },
    ]);
    expect(overpayment).toBe('0.00');
  });

  it('clears the oldest installment before touching the next: 1,500.00 → 1,371.50 to #1, 128.50 to #2', () => {
    const { lines } = allocatePayment('1500.00', dues);
    const toSeq = (seq: number) =>
      formatMoney(sumMoney(lines.filter((l) => l.seq === seq).map((l) => l.amount)));
    expect(toSeq(1)).toBe('1371.50');
    expect(toSeq(2)).toBe('128.50');
    expect(lines.filter((l) => l.seq === 2).map((l) => l.component)).toEqual([
      'penalty',
      'interest',
    ]);
  });

  it('returns what is left as overpayment: 3,000.00 against 2,681.50 due → 318.50', () => {
    expect(allocatePayment('3000.00', dues).overpayment).toBe('318.50');
  });

  it('honours a pack order, e.g. principal first: 1,000.00 → all to #1 principal', () => {
    const order = ['principal', 'interest', 'fees', 'penalty', 'compound'] as const;
    expect(allocatePayment('1000.00', dues, order).lines).toEqual([
      { seq: 1, component: 'principal', amount: '1000.00' },
    ]);
  });

  it('refuses an order that omits or repeats a component, and non-positive amounts', () => {
    expect(() => allocatePayment('1', dues, ['principal', 'interest'])).toThrow(/exactly once/);
    expect(() => allocatePayment('0', dues)).toThrow(/positive/);
    expect(() => allocatePayment('1.001', dues)).toThrow(/whole fen/);
  });
});
