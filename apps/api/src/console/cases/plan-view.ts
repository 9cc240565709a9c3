import type { PlanRulesView } from '@qingshou/collection';
import { dec, formatMoney, roundFen } from '@qingshou/ledger';
import type { CasePlan } from '../queries/get-case-plans/get-case-plans.query';

/** An instalment as the office reads it: 待还, 已还, 部分, 逾期 (past due, in grace), 违约. */
export type InstalmentState = 'due' | 'paid' | 'partial' | 'overdue' | 'missed';

export function instalmentState(
  i: { dueOn: string; amount: string; paid: string; status: string },
  today: string,
): InstalmentState {
  if (i.status === 'kept') return 'paid';
  if (i.status === 'missed') return 'missed';
  if (dec(i.paid).gt(0)) return 'partial';
  return i.dueOn < today ? 'overdue' : 'due';
}

/**
 * A plan for the panel: its instalments with their state, the total paid, how many are
 * overdue or missed, and whether the viewer may mark it signed (客户已签署 → AgreePlan):
 * a proposed plan whose approval, if it needed one, said yes.
 */
export function planView(plan: CasePlan, today: string, agreeing: boolean) {
  const instalments = plan.instalments.map((i) => ({
    ...i,
    label: i.seq === 0 ? null : i.seq,
    state: instalmentState(i, today),
  }));
  const paid = plan.instalments.reduce((sum, i) => sum.plus(i.paid), dec('0'));
  const awaiting = plan.approvalStatus === 'pending';
  return {
    ...plan,
    instalments,
    paid: formatMoney(paid),
    overdue: instalments.filter((i) => i.state === 'overdue' || i.state === 'missed').length,
    live: plan.status === 'proposed' || plan.status === 'active',
    mayUpload: agreeing && plan.status !== 'cancelled',
    awaiting,
    mayAgree:
      agreeing &&
      plan.status === 'proposed' &&
      (plan.approvalStatus === null || plan.approvalStatus === 'approved'),
  };
}

/** The pack's limits next to the fields: shares as percentages, the down payment they mean. */
export function planLimits(rules: PlanRulesView, arrears: string) {
  const percent = (share: string) => `${dec(share).times(100).toString()}%`;
  return {
    minDownPaymentShare: percent(rules.minDownPaymentShare),
    minDownPayment: formatMoney(roundFen(dec(arrears).times(rules.minDownPaymentShare))),
    maxInstalments: rules.maxInstalments,
    maxTermMonths: rules.maxTermMonths,
    minInstalment: rules.minInstalment,
    graceDays: rules.graceDays,
    approvalAbove: rules.approvalAbove,
    approverRole: rules.approverRole,
    maxPenaltyWaiverShare: percent(rules.maxPenaltyWaiverShare),
    pausesLadder: rules.whileKept === 'pause-ladder',
  };
}
