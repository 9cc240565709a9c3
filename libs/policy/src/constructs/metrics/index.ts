import { collectionCostMetric } from './collection-cost.metric';
import { contactRateMetric } from './contact-rate.metric';
import { contributionArrearsRatioMetric } from './contribution-arrears-ratio.metric';
import { defaultRateMetric } from './default-rate.metric';
import { loanToDepositRatioMetric } from './loan-to-deposit-ratio.metric';
import { loanTypes, type MetricDefinition } from './metric-definition';
import { nplRatioMetric } from './npl-ratio.metric';
import { overdueRateMetric } from './overdue-rate.metric';
import { overdueReductionMetric } from './overdue-reduction.metric';
import { activePlansMetric, planAmountMetric, planKeptRateMetric } from './plan-metrics';
import { promisesKeptMetric } from './promises-kept.metric';
import { recoveredAmountMetric } from './recovered-amount.metric';
import { recoveredVsPlanMetric } from './recovered-vs-plan.metric';
import { recoveryRateMetric } from './recovery-rate.metric';
import { slaComplianceMetric } from './sla-compliance.metric';
import { visitCountMetric } from './visit-count.metric';

/**
 * Every metric targets, ratings, reports and `groupMetric` measure, one file each. The
 * registry (registry/metrics.ts) and the KPI calculator dispatch over this object.
 */
export const METRIC_DEFINITIONS = {
  defaultRate: defaultRateMetric,
  nplRatio: nplRatioMetric,
  overdueRate: overdueRateMetric,
  overdueReduction: overdueReductionMetric,
  recoveredVsPlan: recoveredVsPlanMetric,
  recoveryRate: recoveryRateMetric,
  promisesKept: promisesKeptMetric,
  contactRate: contactRateMetric,
  slaCompliance: slaComplianceMetric,
  contributionArrearsRatio: contributionArrearsRatioMetric,
  loanToDepositRatio: loanToDepositRatioMetric,
  recoveredAmount: recoveredAmountMetric,
  visitCount: visitCountMetric,
  collectionCost: collectionCostMetric,
  activePlans: activePlansMetric,
  planKeptRate: planKeptRateMetric,
  planAmount: planAmountMetric,
};

const DEFINITIONS: Readonly<Record<string, MetricDefinition<object>>> = METRIC_DEFINITIONS;

/** The definition of a registered metric, or undefined. */
export function metricDefinition(name: string): MetricDefinition<object> | undefined {
  return Object.prototype.hasOwnProperty.call(DEFINITIONS, name) ? DEFINITIONS[name] : undefined;
}

/** Which ledger accounts a metric reads, of the pack's types. */
export function metricAccountTypes(name: string, packTypes: readonly string[]): string[] {
  const own = metricDefinition(name)?.accountTypes;
  return own ? own(packTypes) : loanTypes(packTypes);
}

export { ContributionArrearsArgs } from './contribution-arrears-ratio.metric';
export { DefaultRateArgs } from './default-rate.metric';
export { LoanToDepositArgs } from './loan-to-deposit-ratio.metric';
export { OverdueRateArgs } from './overdue-rate.metric';
export { OverdueReductionArgs } from './overdue-reduction.metric';
export { RecoveredVsPlanArgs } from './recovered-vs-plan.metric';
export * from './metric-definition';
export * from './metric-facts';
