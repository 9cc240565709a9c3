import { EntityManager } from '@mikro-orm/postgresql';
import type { LocalDate } from '@qingshou/calendar';
import { METRICS, type MetricName, type LocalizedText } from '@qingshou/policy';
import { MetricContext } from '../../kpi/metrics/metric-calculator';
import type { FigureSource } from '../../kpi/targets/snapshot-figures';
import { pgTextArray } from '../../kpi/sql/account-state.sql';
import { display, judge, rounded } from '../../kpi/targets/judge';
import type { PinnedPack } from '../../kpi/support/pinned-pack';

export type RatingData = PinnedPack['spec']['ratings'][number];

export interface CriterionResult {
  readonly metric: string;
  readonly args: Readonly<Record<string, unknown>>;
  readonly bound: { readonly max?: string; readonly min?: string };
  readonly value: string | null;
  readonly display: string | null;
  readonly holds: boolean;
}

export interface GroupRating {
  readonly ratingId: string;
  readonly ratingNames: LocalizedText;
  readonly groupType: string;
  readonly groupId: string;
  readonly groupCode: string;
  readonly groupName: string;
  /** Every criterion holds (a group with nothing to measure is not rated). */
  readonly granted: boolean;
  readonly criteria: CriterionResult[];
}

/**
 * 第二篇 "10%以内村，将优先评信用村": each group of the rating's type earns it while every
 * criterion holds as of the date — nplRatio ≤ 10% holds at exactly 10.00% and fails at
 * 10.01% (compared unrounded).
 */
export async function rateGroups(
  em: EntityManager,
  calculator: FigureSource,
  ctx: MetricContext,
  rating: RatingData,
  asOf: LocalDate,
): Promise<GroupRating[]> {
  const byGroup = new Map<string, { code: string; name: string; criteria: CriterionResult[] }>();
  for (const criterion of rating.criteria) {
    const args = (criterion.args ?? {}) as Record<string, unknown>;
    const unit = METRICS[criterion.metric as MetricName].unit;
    const bound =
      criterion.max !== undefined ? { max: String(criterion.max) } : { min: String(criterion.min) };
    const result = await calculator.compute(em, ctx, {
      metric: criterion.metric,
      args,
      asOf,
      per: rating.groupType,
    });
    for (const v of result.values) {
      const entry = byGroup.get(v.groupId) ?? {
        code: v.groupCode,
        name: v.groupName,
        criteria: [],
      };
      entry.criteria.push({
        metric: criterion.metric,
        args,
        bound,
        value: rounded(unit, v.value),
        display: display(unit, v.value),
        holds: judge(v.value, bound, undefined, false).status === 'met',
      });
      byGroup.set(v.groupId, entry);
    }
  }
  return [...byGroup.entries()].map(([groupId, g]) => ({
    ratingId: rating.id,
    ratingNames: rating.names,
    groupType: rating.groupType,
    groupId,
    groupCode: g.code,
    groupName: g.name,
    granted: g.criteria.length === rating.criteria.length && g.criteria.every((c) => c.holds),
    criteria: g.criteria,
  }));
}

export interface RatingChange {
  readonly asOf: string;
  readonly granted: boolean;
}

/** The stored history of the groups' ratings up to the date, oldest first, by rating and group. */
export async function ratingHistory(
  em: EntityManager,
  tenantId: string,
  ratingIds: readonly string[],
  asOf: LocalDate,
): Promise<Map<string, RatingChange[]>> {
  const rows = await em.execute<
    { rating_id: string; group_id: string; as_of: string; granted: boolean }[]
  >(
    `select rating_id, group_id, as_of::text, granted from group_rating_changes
     where tenant_id = ? and rating_id = any(?::text[]) and as_of <= ?
     order by rating_id, group_id, as_of`,
    [tenantId, pgTextArray(ratingIds), asOf],
  );
  const history = new Map<string, RatingChange[]>();
  for (const r of rows) {
    const key = `${r.rating_id}|${r.group_id}`;
    history.set(key, [...(history.get(key) ?? []), { asOf: r.as_of, granted: r.granted }]);
  }
  return history;
}
