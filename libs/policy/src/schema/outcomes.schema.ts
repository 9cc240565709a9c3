import { ArrayNotEmpty, IsOptional } from 'class-validator';
import { METRICS, MetricName } from '../registry/metrics';
import type { ConditionSpec } from '../registry/conditions';
import type { RelativeProblem } from '../registry/registry.types';
import { FLAG_EFFECTS } from '../registry/vocabularies';
import { ApprovalRef, LocalizedText } from './common.schema';
import { ConditionField, MetricArgsField, RefTo, ValueOrParam } from './field-decorators';
import { Bool, Nested, NestedList, OneOf, Optional, Required, Slug } from './rules';
import { PERIODS } from '../registry/metrics';

/**
 * A metric with its arguments and a bound: max for "at most", min for "at least", or both
 * for a band, where too much is as wrong as too little (篇九 个贷率: at least 82%, yet a ratio
 * near 100% means the deposits are all lent out).
 */
export class MetricBound {
  @Required()
  @RefTo('metric')
  metric!: string;

  @MetricArgsField()
  args?: object;

  @ValueOrParam('number', { min: 0 })
  max?: string;

  @ValueOrParam('number', { min: 0 })
  min?: string;

  refine(): RelativeProblem[] {
    if (this.max === undefined && this.min === undefined) {
      return [{ path: '', reason: 'needs a bound: max (at most), min (at least) or both' }];
    }
    if (this.max !== undefined && this.min !== undefined) {
      return Number(this.min) > Number(this.max)
        ? [{ path: 'max', reason: `must be ≥ min (${this.min})` }]
        : [];
    }
    const better = METRICS[this.metric as MetricName]?.better;
    if (better === 'lower' && this.min !== undefined) {
      return [{ path: 'min', reason: `lower ${this.metric} is better; bound it with max` }];
    }
    if (better === 'higher' && this.max !== undefined) {
      return [{ path: 'max', reason: `higher ${this.metric} is better; bound it with min` }];
    }
    return [];
  }
}

/** 篇二: default rate ≤ 5%, stretch 0, per school and per cohort. */
export class TargetSpec extends MetricBound {
  @Required()
  @Slug()
  id!: string;

  @Optional()
  @Nested(() => LocalizedText)
  names?: LocalizedText;

  /** The ambition beyond the bound ("力争实现 0 违约"). */
  @ValueOrParam('number', { min: 0 })
  stretch?: string;

  /** Breakdown: tenant, collector, team, or a group type the pack declares. */
  @IsOptional()
  @ArrayNotEmpty({ message: 'must list at least one breakdown' })
  @RefTo('scope', { each: true })
  per: string[] = ['tenant'];

  @IsOptional()
  @OneOf(PERIODS)
  period: string = 'year';

  override refine(): RelativeProblem[] {
    const problems = super.refine();
    if (problems.length || this.stretch === undefined) return problems;
    const stretch = Number(this.stretch);
    if (this.max !== undefined && stretch > Number(this.max)) {
      return [{ path: 'stretch', reason: `must be ≤ max (${this.max})` }];
    }
    if (this.min !== undefined && stretch < Number(this.min)) {
      return [{ path: 'stretch', reason: `must be ≥ min (${this.min})` }];
    }
    return [];
  }
}

export class IncentiveEffect {
  @IsOptional()
  @OneOf(['penaltyInterest', 'compoundInterest'], { each: true })
  waive: string[] = [];

  /** contract: interest at the contract rate only (第二篇: 按现行合同利率收取利息). */
  @Optional()
  @OneOf(['contract'])
  interestAt?: string;

  @ValueOrParam('percent', { min: 0, max: 1 })
  rateOverride?: string;

  refine(): RelativeProblem[] {
    if (this.waive.length === 0 && !this.interestAt && this.rateOverride === undefined) {
      return [{ path: '', reason: 'an effect waives something or changes the rate' }];
    }
    return this.interestAt && this.rateOverride !== undefined
      ? [{ path: 'rateOverride', reason: 'give interestAt or rateOverride, not both' }]
      : [];
  }
}

/** A date-bounded relief applied at settlement and printed on notices; reversed if `when` fails. */
export class IncentiveSpec {
  @Required()
  @Slug()
  id!: string;

  @Required()
  @Nested(() => LocalizedText)
  names!: LocalizedText;

  @Required()
  @ConditionField()
  when!: ConditionSpec;

  @Required()
  @Nested(() => IncentiveEffect)
  effect!: IncentiveEffect;

  /** "经农村信用社认可同意后": the relief waits for this approval. */
  @Optional()
  @Nested(() => ApprovalRef)
  approval?: ApprovalRef;

  @IsOptional()
  @Bool()
  printOnNotices: boolean = true;
}

/** A group rating (信用村) granted when every criterion holds for the group. */
export class RatingSpec {
  @Required()
  @Slug()
  id!: string;

  @Required()
  @Nested(() => LocalizedText)
  names!: LocalizedText;

  @Required()
  @RefTo('groupType')
  groupType!: string;

  @Required()
  @ArrayNotEmpty({ message: 'must list at least one criterion' })
  @NestedList(() => MetricBound, 10)
  criteria!: MetricBound[];
}

export const FLAG_KINDS = ['hold', 'sanction', 'blacklist', 'marker'] as const;

/**
 * A mark on a debtor or account: a credit hold (篇五), a sanction (第二篇 officials), the
 * blacklist (篇六). Set and cleared by actions or by its own conditions; `report` lists who
 * carries it; `exposed` publishes it on the API (supply can be stopped).
 */
export class FlagSpec {
  @Required()
  @Slug()
  id!: string;

  @Required()
  @Nested(() => LocalizedText)
  names!: LocalizedText;

  @Required()
  @OneOf(FLAG_KINDS)
  kind!: string;

  @IsOptional()
  @OneOf(['debtor', 'account'])
  subject: string = 'debtor';

  @IsOptional()
  @OneOf(Object.keys(FLAG_EFFECTS), { each: true })
  effects: string[] = [];

  @ConditionField()
  setWhen?: ConditionSpec;

  @ConditionField()
  clearWhen?: ConditionSpec;

  @IsOptional()
  @Bool()
  exposed: boolean = false;

  @Optional()
  @RefTo('report')
  report?: string;
}
