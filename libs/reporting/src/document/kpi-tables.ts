import { EntityManager } from '@mikro-orm/postgresql';
import type { LocalDate } from '@qingshou/calendar';
import { evaluateTarget, type MetricContext, MetricCalculator } from '@qingshou/outcomes';
import type { Bilingual, Cell, ReportTable } from './report-document';
import { breakdownLabel, KPI_HEADERS, STATUS_LABELS } from './report-labels';
import type { ReportData } from './report-data';

const num = (v: string | null): number | null => (v === null ? null : Number(v));
/** The metric SQL sums yuan as numeric(…, 2) ("28200.00") and counts as integers ("5"). */
const isAmount = (v: string | null): boolean => v !== null && v.includes('.');

function periodLabel(period: { start: string; end: string } | null): string {
  return period ? `${period.start} ~ ${period.end}` : '';
}

/**
 * The report's targets judged per breakdown, exactly as GET /targets judges them
 * (evaluateTarget over the pack's metric SQL): one row per group with the bound, the
 * value, the gap and the status. A target measured for the whole tenant keeps that total
 * row before the report's own breakdowns.
 */
export async function targetTable(
  em: EntityManager,
  calculator: MetricCalculator,
  ctx: MetricContext,
  report: ReportData,
  asOf: LocalDate,
): Promise<ReportTable | null> {
  const rows: Cell[][] = [];
  const moneyCells: boolean[][] = [];
  for (const id of report.targets) {
    const target = ctx.pack.spec.targets.find((t) => t.id === id);
    if (!target) continue;
    const per = [...new Set([...target.per.filter((p) => p === 'tenant'), ...report.per])];
    const view = await evaluateTarget(em, calculator, ctx, target, asOf, per);
    const label: Bilingual = (view.names as Bilingual | null) ?? view.metricNames;
    for (const r of view.results) {
      rows.push([
        label,
        breakdownLabel(r.groupType, ctx.pack.spec.collectorTitle),
        r.groupName,
        view.boundDisplay,
        r.display,
        r.gapDisplay,
        STATUS_LABELS[r.status] ?? r.status,
        num(r.numerator),
        num(r.denominator),
        periodLabel(view.period),
      ]);
      const cells = Array<boolean>(10).fill(false);
      cells[7] = isAmount(r.numerator);
      cells[8] = isAmount(r.denominator);
      moneyCells.push(cells);
    }
  }
  if (rows.length === 0) return null;
  const h = KPI_HEADERS;
  return {
    key: 'targets',
    title: { zh: '目标完成情况', en: 'Targets' },
    headers: [
      h.metric,
      h.breakdown,
      h.group,
      h.target,
      h.actual,
      h.gap,
      h.status,
      h.numerator,
      h.denominator,
      h.period,
    ],
    rows,
    moneyCells,
  };
}
