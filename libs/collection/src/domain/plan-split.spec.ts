import type { PlanRulesView } from '../ports/plan-rules';
import { judgePlan } from './plan-judgement';
import { matchReceipts, splitPlan } from './plan-split';

const RULES: PlanRulesView = {
  minDownPaymentShare: '0.05',
  maxInstalments: 12,
  maxTermMonths: 12,
  minInstalment: '500.00',
  graceDays: 5,
  approvalAbove: '10000.00',
  approverRole: 'manager',
  agreeRoles: ['manager'],
  maxPenaltyWaiverShare: '1',
  whileKept: 'pause-ladder',
  withdrawWaiverOnBreak: true,
};
const TERMS = {
  arrears: '13200.00',
  penalty: '0.00',
  waiver: '0.00',
  downPayment: '1200.00',
  count: 12,
  startOn: '2026-03-02',
  firstDueOn: '2026-03-31',
};

describe('repayment plan split (issue 16 §1)', () => {
  it('splits 13,200.00 with 1,200.00 down into 12 × 1,000.00, month by month, end of month clamped', () => {
    const split = splitPlan(TERMS, RULES);
    expect(split.total).toBe('13200.00');
    expect(split.instalments[0]).toEqual({ seq: 0, dueOn: '2026-03-02', amount: '1200.00' });
    expect(split.instalments.slice(1).map((i) => i.amount)).toEqual(Array(12).fill('1000.00'));
    expect(split.instalments.map((i) => i.dueOn).slice(1, 4)).toEqual([
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
    ]);
  });

  it('every 3 months (每期间隔): 4 × 3,000.00 from the 31st, end of quarter clamped; a 13-month interval refused', () => {
    const split = splitPlan({ ...TERMS, count: 4, intervalMonths: 3 }, RULES);
    expect(split.instalments.slice(1).map((i) => [i.dueOn, i.amount])).toEqual([
      ['2026-03-31', '3000.00'],
      ['2026-06-30', '3000.00'],
      ['2026-09-30', '3000.00'],
      ['2026-12-31', '3000.00'],
    ]);
    expect(() => splitPlan({ ...TERMS, intervalMonths: 13 }, RULES)).toThrow(
      expect.objectContaining({
        problems: expect.arrayContaining([expect.objectContaining({ path: 'intervalMonths' })]),
      }),
    );
  });

  it('rounds each instalment half-up to the fen once; the last takes the remainder (10,000.00 / 3)', () => {
    const split = splitPlan(
      { ...TERMS, arrears: '10000.00', downPayment: '0.00', count: 3 },
      { ...RULES, minDownPaymentShare: '0' },
    );
    expect(split.instalments.map((i) => i.amount)).toEqual(['3333.33', '3333.33', '3333.34']);
  });

  it('takes the waived penalty off the total: 13,200.00 + 800.00 penalty − 800.00 waiver', () => {
    expect(splitPlan({ ...TERMS, penalty: '800.00', waiver: '800.00' }, RULES).total).toBe(
      '13200.00',
    );
  });

  it("refuses what the pack's rules do not allow, naming each field", () => {
    expect(() =>
      splitPlan(
        { ...TERMS, downPayment: '100.00', count: 13 },
        { ...RULES, maxPenaltyWaiverShare: '0' },
      ),
    ).toThrow(
      expect.objectContaining({
        problems: expect.arrayContaining([
          expect.objectContaining({ path: 'downPayment' }),
          expect.objectContaining({ path: 'count' }),
        ]),
      }),
    );
    expect(() =>
      splitPlan(
        { ...TERMS, penalty: '100.00', waiver: '50.00' },
        { ...RULES, maxPenaltyWaiverShare: '0.4' },
      ),
    ).toThrow(expect.objectContaining({ problems: [expect.objectContaining({ path: 'waiver' })] }));
  });

  it('matches receipts to instalments in order, to the fen', () => {
    expect(
      matchReceipts(
        [
          { seq: 0, amount: '1200.00' },
          { seq: 1, amount: '1000.00' },
          { seq: 2, amount: '1000.00' },
        ],
        '1700.01',
      ),
    ).toEqual([
      { seq: 0, paid: '1200.00', kept: true },
      { seq: 1, paid: '500.01', kept: false },
      { seq: 2, paid: '0.00', kept: false },
    ]);
  });

  it('breaks the plan the day after the grace of the first instalment still short then, whenever judged', () => {
    const inst = splitPlan(TERMS, RULES).instalments.map((i) => ({ ...i }));
    const paid = [
      { paidOn: '2026-03-02', amount: '1200.00' },
      { paidOn: '2026-03-31', amount: '1000.00' },
      { paidOn: '2026-04-30', amount: '1000.00' },
    ];
    const onTime = judgePlan(inst, paid, 5, '2026-06-05');
    expect(onTime.status).toBe('active');
    // Instalment 3 (due 05-31) short: grace to 06-05, broken on 06-06 — also when judged on 06-20.
    for (const asOf of ['2026-06-06', '2026-06-20']) {
      const j = judgePlan(inst, [...paid, { paidOn: '2026-06-10', amount: '1000.00' }], 5, asOf);
      expect(j).toMatchObject({ status: 'broken', brokenOn: '2026-06-06', missedSeq: 3 });
    }
  });
});
