import { MetricArgsField, RefTo, ValueOrParam } from '../../schema/field-decorators';
import { Required } from '../../schema/rules';
import { rangeProblems, RelativeProblem } from '../../registry/registry.types';
import { defineCondition } from '../condition-definition';
import { groupMetricKey } from '../group-metric-key';
import { inDecimalRange } from '../judge-helpers';

export class GroupMetricArgs {
  @Required()
  @RefTo('groupType')
  groupType!: string;

  @Required()
  @RefTo('metric')
  metric!: string;

  @MetricArgsField()
  args?: object;

  @ValueOrParam('number', { min: 0 })
  min?: string;

  @ValueOrParam('number', { min: 0 })
  max?: string;

  refine(): RelativeProblem[] {
    return rangeProblems(this.min, this.max);
  }
}

/**
 * The facts carry each group's metric (computed once per chunk by the metric's SQL form);
 * facts built without them ask the extension, else the condition does not hold. The
 * subject-row SQL has no per-group metric to join: undecided there.
 */
export const groupMetricCondition = defineCondition({
  args: GroupMetricArgs,
  summary: {
    zh: '所属组（村、学校…）的指标在界限内',
    en: "The metric of the debtor's group is within bounds",
  },
  example: 'groupMetric: { groupType: village, metric: nplRatio, max: 0.10 }',
  facts: ['groupMetrics'],
  judge: (a, ctx) => {
    const values = ctx.facts.groupMetrics;
    if (!values) return ctx.extensions?.groupMetric?.(ctx.facts, a, ctx.asOf) ?? false;
    const value = values.get(groupMetricKey(a));
    return value !== undefined && value !== null && inDecimalRange(value, a.min, a.max);
  },
  sql: { undecidable: 'a group metric is judged per case by the engine, not set-based' },
});
