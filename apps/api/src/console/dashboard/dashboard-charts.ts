import type { KpiSnapshotPoint } from '@qingshou/outcomes';

/** What a chart needs to know about one series of daily figures. */
export interface SeriesSpec {
  readonly metric: string;
  readonly unit: string;
  readonly args: Readonly<Record<string, unknown>>;
  readonly groupType: string;
  readonly bound: { readonly max?: string; readonly min?: string };
}

export interface ChartText {
  /** "上限 5.00%" / "目标 ≥ 100.00%": the bound line's label. */
  readonly boundLabel: string;
  /** A band's two lines, each its own label ("下限 82.00%", "上限 95.00%"); else boundLabel. */
  readonly bandLabels?: { readonly min: string; readonly max: string };
  readonly valueAxis: string;
  /** Days a figure moved for a cause other than the work (an import, a pack upgrade): marked. */
  readonly marks?: readonly { readonly date: string; readonly label: string }[];
}

/** Lines drawn per chart at most: the groups furthest from their bound (tenant first). */
export const MAX_LINES = 8;
const BOUND_COLOR = '#b42318';
const MARK_COLOR = '#667085';

/** Arguments compare by content whatever their key order (the snapshot stores canonical JSON). */
export function sameArgs(
  a: Readonly<Record<string, unknown>>,
  b: Readonly<Record<string, unknown>>,
): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([x], [y]) =>
      x < y ? -1 : x > y ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * A figure as the chart plots it: ratios in percent (2 decimals), amounts and counts as
 * they are. Decimal strings are parsed only here, for drawing; tables show the exact text.
 */
export function plotValue(unit: string, value: string | null): number | null {
  if (value === null) return null;
  const n = Number(value);
  if (!Number.isFinite(n)) return null;
  return unit === 'ratio' ? Math.round(n * 10000) / 100 : Math.round(n * 100) / 100;
}

/**
 * An ECharts line chart of a metric per group over the snapshot dates, with the target's
 * bound as a dashed markLine (e.g. the school's default rate against 5%). A single day of
 * snapshots still draws (as points); no snapshot at all gives null (the page says so).
 */
export function targetChart(
  spec: SeriesSpec,
  points: readonly KpiSnapshotPoint[],
  text: ChartText,
): Record<string, unknown> | null {
  const mine = points.filter((p) => p.groupType === spec.groupType && sameArgs(p.args, spec.args));
  if (mine.length === 0) return null;
  const dates = [...new Set(mine.map((p) => p.asOf))].sort();
  const byGroup = new Map<string, { name: string; values: Map<string, number | null> }>();
  for (const p of mine) {
    let group = byGroup.get(p.groupId);
    if (!group) {
      group = { name: p.groupName ?? p.groupCode ?? p.groupId, values: new Map() };
      byGroup.set(p.groupId, group);
    }
    group.values.set(p.asOf, plotValue(spec.unit, p.value));
  }
  // A band (个贷率 82%–95%) draws both of its lines.
  const band = spec.bound.min !== undefined && spec.bound.max !== undefined;
  const lines = (['min', 'max'] as const)
    .map((side) => ({
      yAxis: plotValue(spec.unit, spec.bound[side] ?? null),
      name: band && text.bandLabels ? text.bandLabels[side] : text.boundLabel,
    }))
    .filter((l): l is { yAxis: number; name: string } => l.yAxis !== null)
    .map((l) => ({ ...l, label: { formatter: l.name } }));
  const bound = lines.length ? Math.max(...lines.map((l) => l.yAxis)) : null;
  const last = dates[dates.length - 1];
  // Worst last value first: above a max, or below a min, is what a leader looks for.
  const worst = (g: { values: Map<string, number | null> }) => {
    const v = g.values.get(last) ?? null;
    if (v === null) return -Infinity;
    return spec.bound.max !== undefined ? v : -v;
  };
  const groups = [...byGroup.values()].sort((a, b) => worst(b) - worst(a)).slice(0, MAX_LINES);
  const all = groups.flatMap((g) => [...g.values.values()]).filter((v): v is number => v !== null);
  const top = Math.max(0, ...all, bound ?? 0);
  const marks = (text.marks ?? [])
    .filter((m) => dates.includes(m.date))
    .map((m) => ({
      xAxis: m.date,
      name: m.label,
      lineStyle: { color: MARK_COLOR },
      label: { formatter: m.label, position: 'insideEndTop', color: MARK_COLOR },
    }));
  const series = groups.map((g, i) => ({
    name: g.name,
    type: 'line',
    showSymbol: true,
    symbolSize: dates.length === 1 ? 10 : 5,
    connectNulls: true,
    data: dates.map((d) => g.values.get(d) ?? null),
    ...(i === 0 && (bound !== null || marks.length)
      ? {
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { type: 'dashed', color: BOUND_COLOR, width: 2 },
            label: { formatter: text.boundLabel, position: 'insideEndTop', color: BOUND_COLOR },
            data: [...lines, ...marks],
          },
        }
      : {}),
  }));
  return {
    animation: false,
    grid: { left: 56, right: 24, top: 40, bottom: 48 },
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', bottom: 0 },
    xAxis: { type: 'category', data: dates, boundaryGap: dates.length === 1 },
    yAxis: {
      type: 'value',
      name: text.valueAxis,
      min: 0,
      // The bound must show even when every group is far below it.
      max: niceCeiling(top * 1.15),
    },
    series,
  };
}

/** 1.2 → 1.5, 5.75 → 6, 57 → 60, 1234 → 1500: a round axis top above the data and the bound. */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const step = 10 ** Math.floor(Math.log10(value)) / 2;
  return Number((Math.ceil(value / step) * step).toPrecision(12));
}

/** A plain bar chart: categories, one or two value series (the second on a right axis). */
export function barChart(
  categories: readonly string[],
  bars: readonly { name: string; data: readonly (number | null)[]; right?: boolean }[],
): Record<string, unknown> {
  const twoAxes = bars.some((b) => b.right);
  return {
    animation: false,
    grid: { left: 64, right: twoAxes ? 72 : 24, top: 36, bottom: 48 },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    xAxis: { type: 'category', data: categories },
    yAxis: twoAxes
      ? [
          { type: 'value', name: bars[0]?.name },
          { type: 'value', name: bars.find((b) => b.right)?.name },
        ]
      : { type: 'value' },
    series: bars.map((b) => ({
      name: b.name,
      type: 'bar',
      data: b.data,
      ...(b.right ? { yAxisIndex: 1 } : {}),
    })),
  };
}
