import { PaymentEntry } from '../allocation/payment-ledger';
import { Installment } from '../schedule/schedule.types';
import { computeBalance } from './balance.calculator';
import { countOverdueInstallments } from './overdue-installments';

// Six monthly installments of 1,000.00 (900 principal + 100 interest), due on the 10th.
const schedule: Installment[] = [1, 2, 3, 4, 5, 6].map((seq) => ({
  seq,
  dueDate: `2026-0${seq}-10`,
  principal: '900.00',
  interest: '100.00',
}));
const pay = (id: string, date: string, amount = '1000.00'): PaymentEntry => ({ id, date, amount });

describe('逾期期数 (consecutive and cumulative)', () => {
  it('1 paid, 2 missed, 1 paid, 2 missed → consecutive 2, cumulative 4', () => {
    const receipts = [pay('p1', '2026-01-10'), pay('p4', '2026-04-08')];
    expect(countOverdueInstallments(schedule, receipts, '2026-06-11')).toEqual({
      consecutive: 2,
      cumulative: 4,
    });
  });

  it('the installment due today is not overdue yet', () => {
    const receipts = [pay('p1', '2026-01-10'), pay('p4', '2026-04-08')];
    expect(countOverdueInstallments(schedule, receipts, '2026-06-10')).toEqual({
      consecutive: 1,
      cumulative: 3,
    });
  });

  it('catching up keeps the missed months counted but ends the run', () => {
    const receipts = [pay('p1', '2026-01-10'), pay('p4', '2026-04-10', '3000.00')];
    expect(countOverdueInstallments(schedule, receipts, '2026-05-01')).toEqual({
      consecutive: 0,
      cumulative: 2,
    });
  });

  it('money paid ahead covers later months; money after a due date belongs to the next month', () => {
    const ahead = [pay('p1', '2026-01-05', '3000.00')];
    expect(countOverdueInstallments(schedule, ahead, '2026-03-20')).toEqual({
      consecutive: 0,
      cumulative: 0,
    });
    // January's money arrived on the 11th: January is missed, and the money is the one
    // monthly amount received in February's window (Jan 11 – Feb 10), so February is kept.
    const late = [pay('p1', '2026-01-11')];
    expect(countOverdueInstallments(schedule, late, '2026-02-20')).toEqual({
      consecutive: 0,
      cumulative: 1,
    });
    expect(countOverdueInstallments(schedule, late, '2026-03-20')).toEqual({
      consecutive: 1,
      cumulative: 2,
    });
  });

  it('a reversed receipt never paid its month; the balance carries the counts', () => {
    const entries: PaymentEntry[] = [
      pay('p1', '2026-01-10'),
      pay('p2', '2026-02-10'),
      { id: 'r2', date: '2026-02-15', amount: '-1000.00', reverses: 'p2' },
    ];
    const balance = computeBalance(
      {
        principal: '5400.00',
        annualRate: '0.12',
        penaltyMarkup: '0.5',
        compoundInterest: false,
        schedule,
        payments: entries,
      },
      '2026-03-11',
    );
    expect(balance.overdueInstallments).toEqual({ consecutive: 2, cumulative: 2 });
    // As of a day before the reversal the receipt still counted.
    expect(countOverdueInstallments(schedule, [entries[0], entries[1]], '2026-02-14')).toEqual({
      consecutive: 0,
      cumulative: 0,
    });
  });
});
