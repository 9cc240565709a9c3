import { EntityManager } from '@mikro-orm/postgresql';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CalendarService, type LocalDate } from '@qingshou/calendar';
import { requirePermission, viewerOf } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { METRICS, type MetricName, type PackData } from '@qingshou/policy';
import { MetricCalculator, type MetricContext } from '../metrics/metric-calculator';
import { periodOf } from '../metrics/periods';
import { evaluateTarget, type TargetView } from '../targets/evaluate-targets';
import { type FigureSource, SnapshotFigures } from '../targets/snapshot-figures';
import { targetContext } from '../targets/target-context';
import { display } from '../targets/judge';
import {
  AssessmentCell,
  AssessmentColumn,
  AssessmentReportView,
  AssessmentSection,
  AssessmentView,
  GetAssessment,
  isAssessment,
} from './get-assessment.query';

type ReportData = PackData['reports'][number];

const argsKey = (args: unknown) => JSON.stringify(args ?? {});

@QueryHandler(GetAssessment)
export class GetAssessmentHandler implements IQueryHandler<GetAssessment, AssessmentView> {
  constructor(
    private readonly tx: TenantTx,
    private readonly calendar: CalendarService,
    private readonly calculator: MetricCalculator,
  ) {}

  execute(query: GetAssessment): Promise<AssessmentView> {
    requirePermission(viewerOf(query), 'kpi.read');
    return this.tx.run(query.tenantId, async (em) => {
      const { ctx, asOf } = await targetContext(em, this.calendar, query.tenantId, query.asOf);
      const snapshot = query.fromSnapshot ? new SnapshotFigures(this.calculator) : null;
      const reports: AssessmentReportView[] = [];
      for (const report of ctx.pack.spec.reports.filter(isAssessment)) {
        reports.push(await this.assess(em, snapshot ?? this.calculator, ctx, report, asOf));
      }
      return { asOf, reports, figuresAt: snapshot?.computedAt?.toISOString() ?? null };
    });
  }

  /**
   * The report's targets judged per breakdown as GET /targets judges them, beside its other
   * measures (本年回收金额): the whole office first when a target is set for it.
   */
  private async assess(
    em: EntityManager,
    figures: FigureSource,
    ctx: MetricContext,
    report: ReportData,
    asOf: LocalDate,
  ): Promise<AssessmentReportView> {
    const targets = ctx.pack.spec.targets.filter((t) => report.targets.includes(t.id));
    const breakdowns = [
      ...new Set([
        ...(targets.some((t) => t.per.includes('tenant')) ? ['tenant'] : []),
        ...report.per,
      ]),
    ];
    const judged: TargetView[] = [];
    for (const target of targets) {
      judged.push(await evaluateTarget(em, figures, ctx, target, asOf, breakdowns));
    }
    // A measure the targets already show is not a second column.
    const measures = report.metrics.filter(
      (m) =>
        METRICS[m.metric as MetricName] !== undefined &&
        !targets.some((t) => t.metric === m.metric && argsKey(t.args) === argsKey(m.args)),
    );
    const columns: AssessmentColumn[] = [
      ...judged.map((t) => ({
        key: t.id,
        names: t.names ?? t.metricNames,
        unit: t.unit,
        bound: {
          display: t.boundDisplay,
          side:
            t.bound.min !== undefined && t.bound.max !== undefined
              ? ('band' as const)
              : t.bound.max !== undefined
                ? ('max' as const)
                : ('min' as const),
        },
      })),
      ...measures.map((m) => ({
        key: `${m.metric}:${argsKey(m.args)}`,
        names: METRICS[m.metric as MetricName].names,
        unit: METRICS[m.metric as MetricName].unit,
        bound: null,
      })),
    ];
    const sections = new Map<
      string,
      Map<string, { code: string; name: string; cells: AssessmentCell[] }>
    >();
    const rowOf = (groupType: string, groupId: string, code: string, name: string) => {
      const section = sections.get(groupType) ?? new Map();
      sections.set(groupType, section);
      const row = section.get(groupId) ?? {
        code,
        name,
        cells: columns.map(() => ({ display: null })),
      };
      section.set(groupId, row);
      return row;
    };
    judged.forEach((t, i) => {
      for (const r of t.results) {
        rowOf(r.groupType, r.groupId, r.groupCode, r.groupName).cells[i] = {
          display: r.display,
          status: r.status,
          gapDisplay: r.status === 'met' || r.status === 'no-data' ? null : r.gapDisplay,
        };
      }
    });
    const year = periodOf('year', asOf);
    for (const [j, m] of measures.entries()) {
      const unit = METRICS[m.metric as MetricName].unit;
      for (const per of breakdowns) {
        const result = await figures.compute(em, ctx, {
          metric: m.metric,
          args: (m.args ?? {}) as Record<string, unknown>,
          asOf,
          per,
          defaultPeriod: 'year',
        });
        for (const v of result.values) {
          rowOf(v.groupType, v.groupId, v.groupCode, v.groupName).cells[judged.length + j] = {
            display: display(unit, v.value),
          };
        }
      }
    }
    return {
      id: report.id,
      names: report.names,
      period: { start: year.start, end: asOf },
      columns,
      sections: breakdowns
        .filter((groupType) => sections.has(groupType))
        .map((groupType): AssessmentSection => ({
          groupType,
          rows: [...(sections.get(groupType) ?? new Map()).entries()]
            .map(([groupId, r]) => ({
              groupId,
              groupCode: r.code,
              groupName: r.name,
              cells: r.cells,
            }))
            .sort((a, b) => a.groupCode.localeCompare(b.groupCode)),
        })),
    };
  }
}
