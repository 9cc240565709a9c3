import { EntityManager } from '@mikro-orm/postgresql';
import type { LocalDate } from '@qingshou/calendar';
import { MetricCalculator, periodOf, type PinnedPack } from '@qingshou/outcomes';
import type { ScheduledPeriod } from '../support/report-schedule';
import { reconciliationTables } from '../reconciliation/reconciliation-tables';
import { metricTable, targetTable } from './kpi-tables';
import { hasList, listTable } from './list-table';
import { ratingTables } from './rating-table';
import type { ReportData } from './report-data';
import type { ReportDocument, ReportTable } from './report-document';

export interface ReportContext {
  readonly tenantId: string;
  readonly tenantName: string;
  readonly timeZone: string;
  readonly pack: PinnedPack;
}

/** Where "in period" list columns start: the scheduled period, or the cadence's period so far. */
function listPeriodStart(report: ReportData, period: ScheduledPeriod, asOf: LocalDate): LocalDate {
  if (!period.key.startsWith('demand:')) return period.start;
  return report.schedule.every === 'day' ? asOf : periodOf(report.schedule.every, asOf).start;
}

/**
 * A pack report as of a date: its targets judged, its metrics per breakdown, and its list
 * — all set-based, from the KPI SQL of libs/policy, so a figure in a report is the figure
 * GET /targets shows for the same date.
 */
export async function buildReport(
  em: EntityManager,
  calculator: MetricCalculator,
  ctx: ReportContext,
  report: ReportData,
  asOf: LocalDate,
  period: ScheduledPeriod,
  generatedAt: Date,
): Promise<ReportDocument> {
  const metricCtx = { tenantId: ctx.tenantId, timeZone: ctx.timeZone, pack: ctx.pack };
  const tables: ReportTable[] = [];
  const notes: string[] = [];
  const targets = await targetTable(em, calculator, metricCtx, report, asOf);
  if (targets) tables.push(targets);
  const metrics = await metricTable(em, calculator, metricCtx, report, asOf);
  if (metrics) tables.push(metrics);
  tables.push(...(await ratingTables(em, calculator, metricCtx, report, asOf)));
  const start = listPeriodStart(report, period, asOf);
  const end = period.key.startsWith('demand:') ? asOf : period.end;
  if (report.reconcileWith) {
    // 篇八: our repayments against the client's file, not a list of debtors.
    const reconciled = await reconciliationTables(em, ctx, report, start, end);
    tables.push(...reconciled.tables);
    notes.push(...reconciled.notes);
  } else if (hasList(report)) {
    const list = await listTable(em, metricCtx, report, asOf, start);
    tables.push(list.table);
    notes.push(...list.problems);
  }
  return {
    reportId: report.id,
    names: report.names,
    tenantName: ctx.tenantName,
    pack: { id: ctx.pack.packId, version: ctx.pack.version, names: ctx.pack.spec.names },
    asOf,
    // On demand: the cadence's period so far (a monthly list asked for on the 15th: 1st–15th).
    period: { key: period.key, start, end },
    generatedAt: generatedAt.toISOString(),
    timeZone: ctx.timeZone,
    tables,
    notes,
  };
}
