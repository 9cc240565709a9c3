import { EntityManager } from '@mikro-orm/postgresql';
import type { LocalDate } from '@qingshou/calendar';
import { METRICS, type MetricName } from '@qingshou/policy';
import { display, type MetricContext, MetricCalculator } from '@qingshou/outcomes';
import type { Bilingual, Cell, ReportTable } from './report-document';
import { breakdownLabel, KPI_HEADERS } from './report-labels';
import type { ReportData } from './report-data';
import { totalRow } from './table-total';

interface Column {
  readonly names: Bilingual;
  readonly unit: string;
  /** Per group id: value, numerator, denominator. */
  readonly values: Map<string, { value: string | null; num: number; den: number }>;
  readonly period: string | null;
}

/** How an argument reads in a header when a metric is listed twice (欠缴率（按金额）). */
const ARG_WORDS: Record<string, Bilingual> = {
  amount: { zh: '按金额', en: 'by amount' },
  count: { zh: '按户数', en: 'by count' },
  month: { zh: '本月', en: 'month' },
  quarter: { zh: '本季', en: 'quarter' },
  year: { zh: '本年', en: 'year' },
};

type MetricRef = ReportData['metrics'][number];

/** The metric's name; a metric the report lists twice says which one each column is. */
function headerOf(names: Bilingual, ref: MetricRef, all: readonly MetricRef[]): Bilingual {
  if (all.filter((r) => r.metric === ref.metric).length < 2) return names;
  const words = Object.values(ref.args ?? {})
    .map((v) => ARG_WORDS[String(v)])
    .filter((w): w is Bilingual => w !== undefined);
  if (words.length === 0) return names;
  return {
    zh: `${names.zh}（${words.map((w) => w.zh).join('，')}）`,
    en: `${names.en} (${words.map((w) => w.en).join(', ')})`,
  };
}

/** A rate nobody could be measured on (no contacts, no promises) reads —, not a blank. */
const NOT_MEASURED = '—';

/**
 * The report's metrics as the office tabulates them: one table per breakdown, a row per
 * group (催收人员 张三, 李四 …) and a column per metric (清收金额, 联系成功率, 承诺兑现率,
 * 时限达标率), from the same calculator as GET /targets. Amounts and counts are numbers (the
 * 合计 row adds them up); a rate is its display (85.00%) and its 合计 is the rate of the
 * summed numerators over the summed denominators.
 */
export async function metricTables(
  em: EntityManager,
  calculator: MetricCalculator,
  ctx: MetricContext,
  report: ReportData,
  asOf: LocalDate,
): Promise<ReportTable[]> {
  const tables: ReportTable[] = [];
  for (const per of report.per) {
    const groups = new Map<string, string>();
    const columns: Column[] = [];
    for (const ref of report.metrics) {
      const entry = METRICS[ref.metric as MetricName];
      if (!entry) continue;
      const result = await calculator.compute(em, ctx, {
        metric: ref.metric,
        args: (ref.args ?? {}) as Record<string, unknown>,
        asOf,
        per,
      });
      const values = new Map<string, { value: string | null; num: number; den: number }>();
      for (const v of result.values) {
        groups.set(v.groupId, v.groupName);
        values.set(v.groupId, {
          value: v.value,
          num: Number(v.numerator ?? 0),
          den: Number(v.denominator ?? 0),
        });
      }
      const period = result.period ? `${result.period.start} ~ ${result.period.end}` : null;
      columns.push({
        names: headerOf(entry.names, ref, report.metrics),
        unit: entry.unit,
        values,
        period,
      });
    }
    if (columns.length === 0 || groups.size === 0) continue;
    tables.push(pivot(breakdownLabel(per, ctx.pack.spec.collectorTitle), per, groups, columns));
  }
  return tables;
}

function cellOf(unit: string, value: string | null): Cell {
  if (unit === 'ratio') return display(unit, value) ?? NOT_MEASURED;
  return value === null ? 0 : Number(value);
}

function pivot(
  breakdown: Bilingual,
  per: string,
  groups: Map<string, string>,
  columns: Column[],
): ReportTable {
  const periods = [...new Set(columns.map((c) => c.period).filter((p) => p !== null))];
  const rows: Cell[][] = [...groups].map(([id, name]) => [
    name,
    ...columns.map((c) => cellOf(c.unit, c.values.get(id)?.value ?? null)),
  ]);
  const summed = [false, ...columns.map((c) => c.unit !== 'ratio')];
  const total = per === 'tenant' ? undefined : totalRow(rows, summed);
  if (total) {
    columns.forEach((c, i) => {
      if (c.unit !== 'ratio') return;
      let num = 0;
      let den = 0;
      for (const v of c.values.values()) {
        num += v.num;
        den += v.den;
      }
      total[i + 1] = den > 0 ? display('ratio', String(num / den)) : NOT_MEASURED;
    });
  }
  return {
    key: `metrics-${per}`,
    title: { zh: `指标统计（按${breakdown.zh}）`, en: `Measures by ${breakdown.en.toLowerCase()}` },
    headers: [breakdown, ...columns.map((c) => c.names)],
    rows,
    money: [false, ...columns.map((c) => c.unit === 'amount')],
    total,
    // The window the flow metrics were measured over (a month, a year), under the table.
    caption: periods.length
      ? {
          zh: `${KPI_HEADERS.period.zh}：${periods.join('；')}`,
          en: `${KPI_HEADERS.period.en}: ${periods.join('; ')}`,
        }
      : undefined,
  };
}
