import type { GroupRatingView, KpiSnapshotPoint } from '@qingshou/outcomes';
import type { FigureCause } from '../queries/list-figure-causes/list-figure-causes.query';

type T = (key: string, values?: Record<string, unknown>) => string;

export interface ChartMark {
  readonly date: string;
  readonly kind: FigureCause['kind'];
  readonly label: string;
}

/** A plan entered moves only the figures divided by a plan (清收计划完成率), not the NPL ratio. */
export const marksFor = (marks: readonly ChartMark[], planned: boolean): ChartMark[] =>
  marks.filter((m) => planned || m.kind !== 'plan');

/**
 * Issue 13 §2: a figure never moves without a cause the dashboard can name. Each cause on
 * the charts' days, as the office says it: "12-06 导入 40 户", "12-06 方案升级 1.0.0 → 1.1.0".
 */
export function causeMarks(t: T, causes: readonly FigureCause[]): ChartMark[] {
  return causes.map((c) => ({
    date: c.date,
    kind: c.kind,
    label: t(`dashboard.cause.${c.kind}`, {
      day: c.date.slice(5),
      count: c.kind === 'import' && c.count === 0 ? c.accounts : c.count,
      from: c.from ?? '',
      to: c.to ?? '',
    }),
  }));
}

/** 信用村: each village's NPL ratio as of the date against the bound, 达标 or 不达标. */
export function ratingVerdicts(t: T, ratings: readonly GroupRatingView[]) {
  return [...ratings]
    .sort(
      (a, b) =>
        Number(a.granted) - Number(b.granted) ||
        Number(b.criteria[0]?.value ?? 0) - Number(a.criteria[0]?.value ?? 0),
    )
    .map((r) => ({
      group: r.groupName,
      groupCode: r.groupCode,
      values: r.criteria.map((c) => c.display ?? '—').join(' / '),
      granted: r.granted,
      verdict: t(r.granted ? 'dashboard.rating.granted' : 'dashboard.rating.refused', {
        rating: r.ratingNames.zh ?? r.ratingId,
      }),
      badge: r.granted ? 'ok' : 'danger',
      since: r.since,
    }));
}

/** A snapshot's numeric(28,6) as yuan with two decimals, for the money helper. */
const cents = (v: string | null): string | null => (v === null ? null : Number(v).toFixed(2));

/** 不良贷款余额 and 不良贷款率 for the whole unit, from the latest tenant snapshot of nplRatio. */
export function nplSummary(points: readonly KpiSnapshotPoint[]) {
  const latest = points
    .filter((p) => p.groupType === 'tenant' && p.numerator !== null)
    .sort((a, b) => (a.asOf < b.asOf ? 1 : -1))[0];
  if (!latest) return null;
  return {
    asOf: latest.asOf,
    balance: cents(latest.numerator),
    loans: cents(latest.denominator),
    ratio: latest.value === null ? null : `${(Number(latest.value) * 100).toFixed(2)}%`,
  };
}
