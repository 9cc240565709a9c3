import { EntityManager } from '@mikro-orm/postgresql';
import type { LocalDate } from '@qingshou/calendar';
import { MetricCalculator, periodOf, type PinnedPack } from '@qingshou/outcomes';
import type { ScheduledPeriod } from '../support/report-schedule';
import { reconciliationTables } from '../reconciliation/reconciliation-tables';
import { targetTable } from './kpi-tables';
import { metricTables } from './metric-tables';
import { hasList, listTable } from './list-table';
import { ratingTables } from './rating-table';
import type { ReportData } from './report-data';
import type { ReportDocument, ReportTable } from './report-document';
import type { ReportMasking } from './report-masking';

export interface ReportContext {
  readonly tenantId: string;
  readonly tenantName: string;
  readonly timeZone: string;
  readonly pack: PinnedPack;
  /** Card and ID numbers whole or masked, per the reader (report-masking). */
  readonly masking: ReportMasking;
}

/**
 * The period an on-demand run reports on: the cadence's period so far (a weekly report asked
 * for on Friday 12-04 covers 11-30 ~ 12-04, a monthly one on the 15th the 1st–15th). The run
 * is filed under it too, so the report list shows the period the file shows.
 */
export function onDemandReportPeriod(report: ReportData, asOf: LocalDate): ScheduledPeriod {
  const start =
    report.schedule.every === 'day' ? asOf : periodOf(report.schedule.every, asOf).start;
  return { key: `demand:${asOf}`, start, end: asOf, dueOn: asOf };
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
  // An on-demand run's period already ends at its date; a scheduled one ends with its period.
  const { start } = period;
  const end = period.key.startsWith('demand:') ? asOf : period.end;
  const tables: ReportTable[] = [];
  const notes: string[] = [];
  const targets = await targetTable(em, calculator, metricCtx, report, asOf);
  if (targets) tables.push(targets);
  tables.push(...(await metricTables(em, calculator, metricCtx, report, asOf)));
  tables.push(...(await ratingTables(em, calculator, metricCtx, report, asOf)));
  if (report.reconcileWith) {
    // 篇八: our repayments against the client's file, not a list of debtors.
    const reconciled = await reconciliationTables(em, ctx, report, start, end);
    tables.push(...reconciled.tables);
    notes.push(...reconciled.notes);
  } else if (hasList(report)) {
    const list = await listTable(em, { ...metricCtx, masking: ctx.masking }, report, asOf, start);
    tables.push(list.table);
    notes.push(...list.problems);
  }
  return {
    reportId: report.id,
    names: report.names,
    tenantName: ctx.tenantName,
    pack: { id: ctx.pack.packId, version: ctx.pack.version, names: ctx.pack.spec.names },
    asOf,
    period: { key: period.key, start, end },
    generatedAt: generatedAt.toISOString(),
    timeZone: ctx.timeZone,
    tables,
    notes,
  };
}
