import { ValueOrParam } from '../../schema/field-decorators';
import { Required } from '../../schema/rules';
import { defineMetric, PeriodArgs } from './metric-definition';
import { recoveredUnits, recoveredUnitsSql } from './recovered-amount.metric';

export class RecoveredVsPlanArgs extends PeriodArgs {
  /** The plan for the period in yuan; usually a parameter (篇九: 年度任务数). */
  @Required()
  @ValueOrParam('decimal', { min: 0.01 })
  plan!: string;
}

/**
 * recoveredAmount over a plan that is not in the ledger (kpi_inputs, else the argument). A
 * book imported mid-year lacks the months before it: the office enters what it recovered
 * then (kpi_inputs `recovered-opening`), counted with the book's own recoveries (篇九 全年).
 */
export const recoveredVsPlanMetric = defineMetric({
  args: RecoveredVsPlanArgs,
  names: { zh: '回收完成率', en: 'Recovered vs plan' },
  summary: {
    zh: '（期初已回收 + 期间内收回的逾期/不良款项）÷ 计划数（plan）。',
    en: '(Recovered before the book began + recovered on overdue or non-performing accounts in the period) ÷ the plan.',
  },
  unit: 'ratio',
  better: 'higher',
  inputs: ['payments'],
  example: 'metric: recoveredVsPlan\nargs: { plan: { param: annualRecoveryPlan } }',
  sql: recoveredUnitsSql,
  units: recoveredUnits,
  plan: { input: 'recovery-plan', arg: 'plan' },
  opening: { input: 'recovered-opening' },
});
