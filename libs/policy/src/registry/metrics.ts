import { IsOptional } from 'class-validator';
import { ValueOrParam } from '../schema/field-decorators';
import { OneOf, Required } from '../schema/rules';
import type { Bilingual, RegistryEntry } from './registry.types';

/** Periods a flow metric is measured over, ending on the as-of date. */
export const PERIODS = ['week', 'month', 'quarter', 'year', 'drive'] as const;

export class NoArgs {}

export class PeriodArgs {
  @IsOptional()
  @OneOf(PERIODS)
  period: string = 'year';
}

export class DefaultRateArgs {
  /** An installment more than this many days past due makes its borrower "defaulted". */
  @ValueOrParam('integer', { min: 0 })
  thresholdDays: number = 0;
}

export class OverdueRateArgs {
  @IsOptional()
  @OneOf(['balance', 'count'])
  basis: string = 'balance';
}

export class RecoveredVsPlanArgs extends PeriodArgs {
  /** The plan for the period in yuan; usually a parameter (篇九: 年度任务数). */
  @Required()
  @ValueOrParam('decimal', { min: 0.01 })
  plan!: string;
}

export class ContributionArrearsArgs {
  @IsOptional()
  @OneOf(['amount', 'count'])
  basis: string = 'amount';
}

export class LoanToDepositArgs {
  /** The deposit (contribution) balance in yuan; absent, the imported balances are summed. */
  @ValueOrParam('decimal', { min: 0.01 })
  depositBalance?: string;
}

export interface MetricEntry extends RegistryEntry {
  readonly names: Bilingual;
  readonly unit: 'ratio' | 'amount' | 'count';
  /** Which side of a bound is good; targets and ratings use it to judge met / missed. */
  readonly better: 'lower' | 'higher';
  /** The data the engine needs to compute it. */
  readonly inputs: readonly string[];
}

/**
 * METRICS: what targets, ratings, reports and `groupMetric` measure. Every metric is
 * computed as of a date, for the tenant or for one group (village, school, collector…).
 * Ratios are fractions (0.05 = 5%).
 */
export const METRICS = {
  defaultRate: {
    args: DefaultRateArgs,
    names: { zh: '违约率', en: 'Default rate' },
    summary: {
      zh: '违约借款人数 ÷ 已有到期应还款的借款人数。违约：任一期应还款逾期超过 thresholdDays 天仍未还清；分母：截至统计日至少有一期已到期的借款人。',
      en: 'Defaulted borrowers ÷ borrowers with at least one installment due on or before the as-of date. Defaulted: some installment is unpaid more than thresholdDays days after its due date.',
    },
    unit: 'ratio',
    better: 'lower',
    inputs: ['installments', 'payments'],
    example: 'metric: defaultRate\nargs: { thresholdDays: 30 }',
  },
  nplRatio: {
    args: NoArgs,
    names: { zh: '不良贷款率', en: 'NPL ratio' },
    summary: {
      zh: '次级、可疑、损失类贷款余额 ÷ 贷款余额（本金）。',
      en: 'Outstanding principal classed substandard, doubtful or loss ÷ all outstanding principal.',
    },
    unit: 'ratio',
    better: 'lower',
    inputs: ['accounts', 'loanClass'],
    example: 'metric: nplRatio',
  },
  overdueRate: {
    args: OverdueRateArgs,
    names: { zh: '逾期率', en: 'Overdue rate' },
    summary: {
      zh: 'balance：有逾期的贷款余额 ÷ 贷款余额；count：有逾期的户数 ÷ 总户数。',
      en: 'balance: outstanding principal of accounts with anything overdue ÷ all outstanding principal; count: accounts overdue ÷ accounts.',
    },
    unit: 'ratio',
    better: 'lower',
    inputs: ['accounts', 'installments', 'payments'],
    example: 'metric: overdueRate',
  },
  recoveredVsPlan: {
    args: RecoveredVsPlanArgs,
    names: { zh: '回收完成率', en: 'Recovered vs plan' },
    summary: {
      zh: '期间内收回的逾期/不良款项 ÷ 计划数（plan）。',
      en: 'Amount recovered on overdue or non-performing accounts in the period ÷ the plan.',
    },
    unit: 'ratio',
    better: 'higher',
    inputs: ['payments'],
    example: 'metric: recoveredVsPlan\nargs: { plan: { param: annualRecoveryPlan } }',
  },
  recoveryRate: {
    args: PeriodArgs,
    names: { zh: '清收率', en: 'Recovery rate' },
    summary: {
      zh: '期间内收回金额 ÷ 期初逾期余额。',
      en: 'Amount recovered in the period ÷ the overdue balance at the start of the period.',
    },
    unit: 'ratio',
    better: 'higher',
    inputs: ['payments', 'balances'],
    example: 'metric: recoveryRate',
  },
  promisesKept: {
    args: PeriodArgs,
    names: { zh: '承诺兑现率', en: 'Promises kept' },
    summary: {
      zh: '期间内到期的还款承诺中已兑现的比例。',
      en: 'Promises kept ÷ promises whose date fell in the period.',
    },
    unit: 'ratio',
    better: 'higher',
    inputs: ['promises'],
    example: 'metric: promisesKept',
  },
  contactRate: {
    args: PeriodArgs,
    names: { zh: '联系成功率', en: 'Contact rate' },
    summary: {
      zh: '期间内至少有一次接通/见面的在催案件 ÷ 在催案件。',
      en: 'Open cases with at least one reached contact in the period ÷ open cases.',
    },
    unit: 'ratio',
    better: 'higher',
    inputs: ['contacts', 'cases'],
    example: 'metric: contactRate',
  },
  slaCompliance: {
    args: PeriodArgs,
    names: { zh: '时限达标率', en: 'SLA compliance' },
    summary: {
      zh: '期间内到期的带时限任务中按时完成的比例（按工作时间计）。',
      en: 'Tasks with an SLA falling due in the period that were done in time (working time) ÷ those tasks.',
    },
    unit: 'ratio',
    better: 'higher',
    inputs: ['tasks'],
    example: 'metric: slaCompliance',
  },
  contributionArrearsRatio: {
    args: ContributionArrearsArgs,
    names: { zh: '欠缴率', en: 'Contribution arrears ratio' },
    summary: {
      zh: 'amount：欠缴金额 ÷ 应缴金额；count：停缴或少缴单位数 ÷ 应缴单位数。',
      en: 'amount: contributions in arrears ÷ contributions due; count: employers stopped or under-paying ÷ employers due to pay.',
    },
    unit: 'ratio',
    better: 'lower',
    inputs: ['contribution accounts', 'payments'],
    example: 'metric: contributionArrearsRatio',
  },
  loanToDepositRatio: {
    args: LoanToDepositArgs,
    names: { zh: '个贷率', en: 'Loan-to-deposit ratio' },
    summary: {
      zh: '个人住房贷款余额 ÷ 缴存余额。',
      en: 'Outstanding housing-fund loan principal ÷ the contribution (deposit) balance.',
    },
    unit: 'ratio',
    better: 'higher',
    inputs: ['accounts', 'deposit balance'],
    example: 'metric: loanToDepositRatio\nargs: { depositBalance: { param: depositBalance } }',
  },
  recoveredAmount: {
    args: PeriodArgs,
    names: { zh: '回收金额', en: 'Recovered amount' },
    summary: { zh: '期间内收回的金额（元）。', en: 'Amount recovered in the period, in yuan.' },
    unit: 'amount',
    better: 'higher',
    inputs: ['payments'],
    example: 'metric: recoveredAmount',
  },
  visitCount: {
    args: PeriodArgs,
    names: { zh: '外访次数', en: 'Field visits' },
    summary: {
      zh: '期间内完成的外访次数（篇一：控制外出催款次数）。',
      en: 'Field visits done in the period (篇一: keep trips down).',
    },
    unit: 'count',
    better: 'lower',
    inputs: ['contacts'],
    example: 'metric: visitCount',
  },
  collectionCost: {
    args: PeriodArgs,
    names: { zh: '催收费用', en: 'Collection cost' },
    summary: {
      zh: '期间内记入案件的费用（元）。',
      en: 'Costs booked to cases in the period, in yuan.',
    },
    unit: 'amount',
    better: 'lower',
    inputs: ['costs'],
    example: 'metric: collectionCost',
  },
} satisfies Record<string, MetricEntry>;

export type MetricName = keyof typeof METRICS;
export const METRIC_NAMES = Object.keys(METRICS) as MetricName[];
