import { METRICS, type MetricName, type PackData } from '@qingshou/policy';
import { type DriveProgress, type KpiSnapshotPoint, type TargetView } from '@qingshou/outcomes';
import type { Lang } from '../http/session';
import { barChart, SeriesSpec, targetChart } from './dashboard-charts';
import { type ChartMark, marksFor } from './dashboard-causes';
import type { AgingBucketRow } from '../queries/get-aging-distribution/get-aging-distribution.query';
import type { CollectorPerformance } from '../queries/get-collector-performance/get-collector-performance.query';

type T = (key: string, values?: Record<string, unknown>) => string;
type Named = { readonly zh?: string; readonly en?: string } | null | undefined;

/** Rows shown per target under its charts; the rest are counted ("and 5 more"). */
const MAX_ROWS = 12;
const STATUS_ORDER: Record<string, number> = { missed: 0, 'at-risk': 1, met: 2, 'no-data': 3 };
export const STATUS_BADGE: Record<string, string> = {
  met: 'ok',
  'at-risk': 'warn',
  missed: 'danger',
  'no-data': '',
};

export const nameIn = (lang: Lang, names: Named, fallback: string): string =>
  (lang === 'en' ? names?.en : names?.zh) ?? names?.zh ?? names?.en ?? fallback;

/**
 * A breakdown's name (按学校); the per-collector one in the pack's own word for its case
 * holders (collectorTitle: 按业务员), else the platform's (按催收员).
 */
export function breakdownName(lang: Lang, t: T, groupType: string, collectorTitle?: Named): string {
  const word = groupType === 'collector' && collectorTitle ? nameIn(lang, collectorTitle, '') : '';
  return word ? t('group.collectorAs', { name: word }) : t(`group.${groupType}`);
}

function percentOrPlain(unit: string, value: string | undefined): string | null {
  if (value === undefined) return null;
  return unit === 'ratio' ? `${(Number(value) * 100).toFixed(2)}%` : value;
}

export interface ChartCard {
  readonly id: string;
  readonly heading: string;
  readonly option: Record<string, unknown> | null;
  readonly label: string;
}

/** A band's bound reads "82.00%–95.00%": each of its lines labelled with its own side. */
function bandLabels(t: T, shown: string | null) {
  const [min, max] = (shown ?? '').split('–');
  return max === undefined
    ? undefined
    : {
        min: t('dashboard.boundMin', { value: min }),
        max: t('dashboard.boundMax', { value: max }),
      };
}

/** One target: a chart per breakdown, and today's judgement per group. */
export function targetCard(
  lang: Lang,
  t: T,
  target: TargetView,
  points: readonly KpiSnapshotPoint[],
  marks: readonly ChartMark[] = [],
  collectorTitle?: Named,
) {
  const title = nameIn(lang, target.names, target.id);
  const moved = marksFor(marks, METRICS[target.metric as MetricName]?.plan !== undefined);
  const boundLabel = t(
    target.bound.min !== undefined && target.bound.max !== undefined
      ? 'dashboard.boundBand'
      : target.bound.max !== undefined
        ? 'dashboard.boundMax'
        : 'dashboard.boundMin',
    { value: target.boundDisplay },
  );
  const groupTypes = [...new Set(target.results.map((r) => r.groupType))];
  const pers = groupTypes.length ? groupTypes : ['tenant'];
  const charts: ChartCard[] = pers.map((groupType) => {
    const spec: SeriesSpec = {
      metric: target.metric,
      unit: target.unit,
      args: target.args,
      groupType,
      bound: target.bound,
    };
    const heading = `${title} · ${breakdownName(lang, t, groupType, collectorTitle)}`;
    return {
      id: `chart-${target.id}-${groupType}`,
      heading,
      option: targetChart(spec, points, {
        boundLabel,
        bandLabels: bandLabels(t, target.boundDisplay),
        valueAxis: target.unit === 'ratio' ? '%' : '',
        marks: moved,
      }),
      label: `${heading}：${boundLabel}`,
    };
  });
  const rows = [...target.results]
    .sort(
      (a, b) =>
        Number(b.groupType === 'tenant') - Number(a.groupType === 'tenant') ||
        (STATUS_ORDER[a.status] ?? 9) - (STATUS_ORDER[b.status] ?? 9) ||
        a.groupName.localeCompare(b.groupName),
    )
    .map((r) => ({
      group: r.groupName,
      groupType: r.groupType,
      value: r.display,
      status: r.status,
      badge: STATUS_BADGE[r.status] ?? '',
      gap: r.status === 'met' || r.status === 'no-data' ? null : r.gapDisplay,
    }));
  return {
    id: target.id,
    title,
    metric: target.metric,
    causes: moved,
    metricName: nameIn(lang, target.metricNames, target.metric),
    bound: boundLabel,
    period: target.period,
    charts,
    rows: rows.slice(0, MAX_ROWS),
    more: Math.max(0, rows.length - MAX_ROWS),
  };
}

/** A rating's criteria (信用村: NPL ratio ≤ 10% per village) charted like targets. */
export function ratingCards(
  lang: Lang,
  t: T,
  spec: PackData,
  pointsOf: (metric: string) => readonly KpiSnapshotPoint[],
  marks: readonly ChartMark[] = [],
): ChartCard[] {
  const by = (groupType: string) => breakdownName(lang, t, groupType, spec.collectorTitle);
  return spec.ratings.flatMap((rating) =>
    rating.criteria.map((criterion, i) => {
      const entry = METRICS[criterion.metric as MetricName];
      const unit: string = entry?.unit ?? 'ratio';
      const bound = {
        ...(criterion.max !== undefined ? { max: String(criterion.max) } : {}),
        ...(criterion.min !== undefined ? { min: String(criterion.min) } : {}),
      };
      const shown = percentOrPlain(unit, bound.max ?? bound.min);
      const boundLabel =
        bound.max !== undefined
          ? t('dashboard.boundMax', { value: shown })
          : t('dashboard.boundMin', { value: shown });
      const heading = `${nameIn(lang, rating.names, rating.id)} · ${nameIn(lang, entry?.names, criterion.metric)} · ${by(rating.groupType)}`;
      return {
        id: `chart-rating-${rating.id}-${i}`,
        heading,
        label: `${heading}：${boundLabel}`,
        option: targetChart(
          {
            metric: criterion.metric,
            unit,
            args: (criterion.args ?? {}) as Record<string, unknown>,
            groupType: rating.groupType,
            bound,
          },
          pointsOf(criterion.metric),
          {
            boundLabel,
            valueAxis: unit === 'ratio' ? '%' : '',
            marks: marksFor(marks, entry?.plan !== undefined),
          },
        ),
      };
    }),
  );
}

export function agingModel(t: T, all: readonly AgingBucketRow[]) {
  const rows = all.filter((r) => r.overdue);
  const current = all.filter((r) => !r.overdue).reduce((n, r) => n + r.accounts, 0);
  return {
    rows,
    current,
    option: rows.length
      ? barChart(
          rows.map((r) => r.bucket),
          [
            { name: t('dashboard.aging.accounts'), data: rows.map((r) => r.accounts) },
            {
              name: t('dashboard.aging.amount'),
              data: rows.map((r) => Math.round(Number(r.amountDue))),
              right: true,
            },
          ],
        )
      : null,
  };
}

/** 催收员业绩, or the pack's word for its case holders (业务员业绩, column 业务员). */
export function performanceModel(t: T, perf: CollectorPerformance, collectorWord?: string | null) {
  return {
    ...perf,
    heading: collectorWord ? t('dashboard.perfOf', { name: collectorWord }) : t('dashboard.perf'),
    collector: collectorWord ?? t('dashboard.perf.collector'),
    option: perf.rows.length
      ? barChart(
          perf.rows.map((r) => r.displayName),
          [
            {
              name: t('dashboard.perf.recovered'),
              data: perf.rows.map((r) => Math.round(Number(r.recovered))),
            },
            {
              name: t('dashboard.perf.contacts'),
              data: perf.rows.map((r) => r.contacts),
              right: true,
            },
          ],
        )
      : null,
  };
}

const pct = (done: number, total: number) => (total > 0 ? Math.round((done / total) * 100) : 0);

/** A drive (专项清收): each phase's tallies, and each group's per phase. */
export function driveModel(lang: Lang, progress: DriveProgress) {
  const phaseName = new Map(progress.phases.map((p) => [p.key, nameIn(lang, p.names, p.key)]));
  return {
    id: progress.drive.id,
    name: nameIn(lang, progress.drive.names, progress.drive.key),
    launchDate: progress.drive.launchDate,
    endsOn: progress.drive.endsOn,
    cases: progress.cases,
    currentPhase: progress.currentPhase ? (phaseName.get(progress.currentPhase) ?? null) : null,
    phases: progress.phases.map((p) => ({
      name: phaseName.get(p.key) ?? p.key,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      state: p.state,
      tasks: { ...p.tasks, pct: pct(p.tasks.done, p.tasks.total) },
      deliverables: { ...p.deliverables, pct: pct(p.deliverables.done, p.deliverables.total) },
      recovered: p.recovered,
    })),
    phaseNames: progress.phases.map((p) => phaseName.get(p.key) ?? p.key),
    groups: progress.groups.map((g) => ({
      name: g.groupName,
      groupType: g.groupType,
      phases: g.phases.map((gp) => ({
        tasks: gp.tasks,
        recovered: gp.recovered,
      })),
    })),
  };
}
