import { EntityManager } from '@mikro-orm/postgresql';
import { compareLocalDates, type LocalDate } from '@qingshou/calendar';
import { type LocalizedText, METRICS, type MetricName, type PackData } from '@qingshou/policy';
import { isFlowMetric, MetricContext, MetricResult } from '../metrics/metric-calculator';
import { asReported, display, judge, rounded, TargetStatus } from './judge';
import type { FigureSource } from './snapshot-figures';

export type TargetData = PackData['targets'][number];

export interface TargetResult {
  readonly groupType: string;
  readonly groupId: string;
  readonly groupCode: string;
  readonly groupName: string;
  readonly value: string | null;
  readonly display: string | null;
  readonly numerator: string | null;
  readonly denominator: string | null;
  readonly status: TargetStatus;
  readonly gap: string | null;
  readonly gapDisplay: string | null;
  readonly stretchMet: boolean | null;
  readonly stretchGap: string | null;
}

export interface TargetView {
  readonly id: string;
  readonly names: LocalizedText | null;
  readonly metric: string;
  readonly metricNames: LocalizedText;
  readonly unit: string;
  readonly args: Readonly<Record<string, unknown>>;
  readonly bound: { readonly max?: string; readonly min?: string };
  readonly boundDisplay: string | null;
  readonly stretch: string | null;
  readonly period: {
    readonly name: string;
    readonly start: LocalDate;
    readonly end: LocalDate;
  } | null;
  readonly results: TargetResult[];
}

/** The target's value per group as of the date, judged against its bound and stretch. */
export async function evaluateTarget(
  em: EntityManager,
  calculator: FigureSource,
  ctx: MetricContext,
  target: TargetData,
  asOf: LocalDate,
  breakdowns: readonly string[],
  window?: { readonly name: string; readonly start: LocalDate; readonly end: LocalDate },
): Promise<TargetView> {
  const entry = METRICS[target.metric as MetricName];
  const bound = {
    ...(target.min !== undefined ? { min: String(target.min) } : {}),
    ...(target.max !== undefined ? { max: String(target.max) } : {}),
  };
  const computed: MetricResult[] = [];
  for (const per of breakdowns) {
    computed.push(
      await calculator.compute(em, ctx, {
        metric: target.metric,
        args: (target.args ?? {}) as Record<string, unknown>,
        asOf,
        per,
        defaultPeriod: target.period,
        window,
      }),
    );
  }
  const period = computed[0]?.period ?? null;
  const open =
    isFlowMetric(target.metric) && period !== null && compareLocalDates(asOf, period.end) < 0;
  const results = computed.flatMap((result) =>
    result.values.map((v): TargetResult => {
      const judged = judge(asReported(entry.unit, v.value), bound, target.stretch, open);
      return {
        groupType: v.groupType,
        groupId: v.groupId,
        groupCode: v.groupCode,
        groupName: v.groupName,
        value: rounded(entry.unit, v.value),
        display: display(entry.unit, v.value),
        numerator: v.numerator,
        denominator: v.denominator,
        status: judged.status,
        gap: rounded(entry.unit, judged.gap),
        gapDisplay: display(entry.unit, judged.gap),
        stretchMet: judged.stretchMet,
        stretchGap: rounded(entry.unit, judged.stretchGap),
      };
    }),
  );
  return {
    id: target.id,
    names: (target.names as LocalizedText | undefined) ?? null,
    metric: target.metric,
    metricNames: entry.names,
    unit: entry.unit,
    args: (target.args ?? {}) as Record<string, unknown>,
    bound,
    boundDisplay:
      bound.min !== undefined && bound.max !== undefined
        ? `${display(entry.unit, bound.min)}–${display(entry.unit, bound.max)}`
        : display(entry.unit, bound.max ?? bound.min ?? null),
    stretch: target.stretch === undefined ? null : String(target.stretch),
    period,
    results,
  };
}
