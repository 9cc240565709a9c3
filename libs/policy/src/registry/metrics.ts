import { METRIC_DEFINITIONS } from '../constructs/metrics';

export {
  ContributionArrearsArgs,
  DefaultRateArgs,
  LoanToDepositArgs,
  NoArgs,
  OverdueRateArgs,
  PERIODS,
  PeriodArgs,
  RecoveredVsPlanArgs,
  type MetricEntry,
} from '../constructs/metrics';

/**
 * METRICS: what targets, ratings, reports and `groupMetric` measure. Every metric is
 * computed as of a date, for the tenant or for one group (village, school, collector…).
 * Ratios are fractions (0.05 = 5%). Each entry is the metric's one definition
 * (constructs/metrics/<name>.metric.ts): arguments, docs, SQL form and TypeScript form.
 */
export const METRICS = METRIC_DEFINITIONS;

export type MetricName = keyof typeof METRICS;
export const METRIC_NAMES = Object.keys(METRICS) as MetricName[];
