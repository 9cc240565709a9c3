import { computeBalance, LoanAccount, PaymentEntry } from '@qingshou/ledger';
import { evaluateIncentive, incentiveFigures, relievedBalance } from './evaluate-incentive';
import { incentiveRule } from './incentive-rules';

/**
 * 第二篇 四（二）1: repaid by 2012-08-01 → contract-rate interest, no compound, penalty
 * waived. A bullet loan of 10,000.00 at 7.2% with 360.00 interest due 2012-02-01, penalty
 * markup 50% (10.8%), compound on. Overdue days from 2012-02-01: 07-31 → 181, 08-02 → 183.
 */
const loan = (payments: PaymentEntry[] = []): LoanAccount => ({
  principal: '10000.00',
  annualRate: '0.072',
  penaltyMarkup: '0.5',
  compoundInterest: true,
  schedule: [{ seq: 1, dueDate: '2012-02-01', principal: '10000.00', interest: '360.00' }],
  payments,
});

const amnesty = incentiveRule({
  id: 'amnesty',
  names: { zh: '主动还款减免罚息', en: 'Amnesty' },
  when: { settledBefore: { date: '2012-08-01' } },
  effect: { waive: ['penaltyInterest', 'compoundInterest'], interestAt: 'contract' },
  approval: { kind: 'waiver' },
});
const compute = (l: LoanAccount, asOf: string) => computeBalance(l, asOf);
const account = (payments: PaymentEntry[]) => ({ type: 'loan', loan: loan(payments) });

describe('amnesty relief (第二篇: settled before 2012-08-01 → contract interest only)', () => {
  it('charges 543.00 penalty and 19.55 compound for 181 days without it; 362.00 contract-rate interest with it', () => {
    const figures = incentiveFigures(amnesty, loan(), '2012-07-31', compute);
    expect(figures.normalTerms).toEqual({
      interest: '360.00',
      penaltyInterest: '543.00',
      compoundInterest: '19.55',
      toSettle: '10922.55',
    });
    expect(figures.incentiveTerms).toEqual({
      interest: '722.00',
      penaltyInterest: '0.00',
      compoundInterest: '0.00',
      toSettle: '10722.00',
    });
    expect(figures.waived).toEqual({
      penaltyInterest: '181.00',
      compoundInterest: '19.55',
      total: '200.55',
    });
  });

  it('applies when 10,722.00 settles the account on 2012-07-31, once approved', () => {
    const paid = account([{ id: 'p1', date: '2012-07-31', amount: '10722.00' }]);
    expect(evaluateIncentive(amnesty, paid, true, '2012-08-10', compute)).toEqual({
      status: 'applied',
      settledOn: '2012-07-31',
    });
    expect(evaluateIncentive(amnesty, paid, false, '2012-08-10', compute).status).toBe(
      'awaiting-approval',
    );
    const balance = relievedBalance(amnesty, paid.loan, '2012-08-10', compute);
    expect([balance.totalDue, balance.penaltyInterest, balance.outstandingPrincipal]).toEqual([
      '0.00',
      '0.00',
      '0.00',
    ]);
  });

  it('is available before the date and lapses after it when nothing settles the account', () => {
    expect(evaluateIncentive(amnesty, account([]), true, '2012-07-15', compute).status).toBe(
      'available',
    );
    const late = account([{ id: 'p1', date: '2012-08-02', amount: '10722.00' }]);
    expect(evaluateIncentive(amnesty, late, true, '2012-08-10', compute).status).toBe('lapsed');
  });

  it('is withdrawn when a reversal dated after the amnesty undoes the settlement', () => {
    const reversed = account([
      { id: 'p1', date: '2012-07-31', amount: '10722.00' },
      { id: 'r1', date: '2012-08-05', amount: '-10722.00', reverses: 'p1' },
    ]);
    expect(evaluateIncentive(amnesty, reversed, true, '2012-08-04', compute).status).toBe(
      'applied',
    );
    expect(evaluateIncentive(amnesty, reversed, true, '2012-08-10', compute).status).toBe(
      'withdrawn',
    );
  });

  it('reports a condition it cannot evaluate at settlement as unsupported', () => {
    const rule = incentiveRule({
      id: 'odd',
      names: { zh: '其他', en: 'Other' },
      when: { settledBefore: { date: '2012-08-01' }, reasonCode: { in: ['hardship'] } },
      effect: { waive: ['penaltyInterest'] },
    });
    expect(rule.unsupported).toMatch(/reasonCode/);
    expect(evaluateIncentive(rule, account([]), true, '2012-07-01', compute).status).toBe(
      'unsupported',
    );
  });

  it('waiving penalty and compound without interestAt (test-ladder) leaves 10,360.00 to settle', () => {
    const waiver = incentiveRule({
      id: 'early-repayment',
      names: { zh: '提前结清减免罚息', en: 'Early settlement waiver' },
      when: { settledBefore: { date: '2012-08-01' } },
      effect: { waive: ['penaltyInterest', 'compoundInterest'] },
    });
    const figures = incentiveFigures(waiver, loan(), '2012-07-31', compute);
    expect([figures.incentiveTerms.toSettle, figures.waived.total]).toEqual(['10360.00', '562.55']);
    const paid = account([{ id: 'p1', date: '2012-07-31', amount: '10360.00' }]);
    expect(evaluateIncentive(waiver, paid, true, '2012-08-10', compute).status).toBe('applied');
  });
});
