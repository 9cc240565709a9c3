import { effectivePayments, PaymentEntry } from './payment-ledger';

const ledger: PaymentEntry[] = [
  { id: 'r1', date: '2026-01-11', amount: '500.00' },
  { id: 'r2', date: '2026-01-15', amount: '200.00' },
  { id: 'x1', date: '2026-01-20', amount: '-500.00', reverses: 'r1' },
];

describe('effectivePayments (append-only receipts and reversals)', () => {
  it('a reversal dated on or before asOf removes its receipt: as of 2026-01-31 only r2 (200.00) counts', () => {
    const { payments, reversedIds } = effectivePayments(ledger, '2026-01-31');
    expect(payments.map((p) => p.id)).toEqual(['r2']);
    expect(reversedIds).toEqual(['r1']);
  });

  it('before the reversal date the receipt still counts: as of 2026-01-19 r1 and r2 count', () => {
    expect(effectivePayments(ledger, '2026-01-19').payments.map((p) => p.id)).toEqual(['r1', 'r2']);
  });

  it('a same-day reversal loaded before its receipt (same instant, the id decides the order) still cancels it: as of 2026-03-11 nothing counts', () => {
    const sameDay: PaymentEntry[] = [
      { id: 'a-reversal', date: '2026-03-11', amount: '-1234.56', reverses: 'z-receipt' },
      { id: 'z-receipt', date: '2026-03-11', amount: '1234.56' },
    ];
    const { payments, reversedIds } = effectivePayments(sameDay, '2026-03-11');
    expect(payments).toEqual([]);
    expect(reversedIds).toEqual(['z-receipt']);
  });

  it('receipts after asOf are ignored: as of 2026-01-12 only r1', () => {
    expect(effectivePayments(ledger, '2026-01-12').payments.map((p) => p.id)).toEqual(['r1']);
  });

  it('refuses a reversal of a different amount (−400.00 against 500.00), a double reversal, or a negative receipt', () => {
    const base = ledger.slice(0, 2);
    expect(() =>
      effectivePayments(
        [...base, { id: 'x', date: '2026-01-20', amount: '-400', reverses: 'r1' }],
        '2026-02-01',
      ),
    ).toThrow(/exactly −500.00/);
    expect(() =>
      effectivePayments(
        [...ledger, { id: 'x2', date: '2026-01-21', amount: '-500.00', reverses: 'r1' }],
        '2026-02-01',
      ),
    ).toThrow(/reversed twice/);
    expect(() =>
      effectivePayments([{ id: 'n', date: '2026-01-01', amount: '-1' }], '2026-02-01'),
    ).toThrow(/use a reversal/);
  });
});
