import { Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { addDays } from '@qingshou/calendar';
import { hasPermission, NotFoundError, PERMISSIONS, viewerOf } from '@qingshou/core';
import { GetCurrentPack, InstallationView } from '@qingshou/policy';
import {
  DASHBOARD_DRIVES,
  DriveProgress,
  GetDriveProgress,
  GetKpiSnapshots,
  AssessmentView,
  GetAssessment,
  GetRatings,
  GetTargets,
  isAssessment,
  KpiSnapshotsView,
  RatingsView,
  TargetsView,
} from '@qingshou/outcomes';
import { ConsoleController } from '../http/console-controller';
import {
  AgingBucketRow,
  GetAgingDistribution,
} from '../queries/get-aging-distribution/get-aging-distribution.query';
import {
  CollectorPerformance,
  GetCollectorPerformance,
} from '../queries/get-collector-performance/get-collector-performance.query';
import { DriveSummary, ListDrives } from '../queries/list-drives/list-drives.query';
import {
  FigureCause,
  ListFigureCauses,
} from '../queries/list-figure-causes/list-figure-causes.query';
import { officeFiguresPanel } from './dashboard-housing';
import { ConsoleViews } from '../render/console-views';
import { Page, PageContext } from '../render/page-context';
import {
  agingModel,
  driveModel,
  nameIn,
  performanceModel,
  ratingCards,
  targetCard,
} from './dashboard-model';
import { causeMarks, nplSummary, ratingVerdicts } from './dashboard-causes';
import { assessmentModel } from './dashboard-assessment';

/**
 * Who reads the dashboard: the readers of GET /targets and /kpi/snapshots (KPI_READERS); the
 * supervisor (篇三's office keeps the statistics) reads it but lands on its workbench (nav.ts).
 */
export const DASHBOARD_ROLES = PERMISSIONS['dashboard.read'];
/** Days of daily snapshots drawn. */
const TREND_DAYS = 90;

/** 组长/经理: each target against its bound over time, aging, drives, collectors. */
@ConsoleController('dashboard', 'dashboard.read')
export class DashboardPageController {
  constructor(
    private readonly queries: QueryBus,
    private readonly views: ConsoleViews,
  ) {}

  @Get()
  async show(@Page() page: PageContext): Promise<string> {
    const meta = page.meta();
    const installed = await this.queries
      .execute<GetCurrentPack, InstallationView>(new GetCurrentPack(meta))
      .catch((error: unknown) => {
        if (error instanceof NotFoundError) return null;
        throw error;
      });
    const [aging, performance, progress] = await Promise.all([
      this.queries.execute<GetAgingDistribution, AgingBucketRow[]>(new GetAgingDistribution(meta)),
      this.queries.execute<GetCollectorPerformance, CollectorPerformance>(
        new GetCollectorPerformance(meta),
      ),
      this.drives(page),
    ]);
    // The pack's word for its case holders (业务员), on every per-collector heading.
    const collectorTitle = installed?.resolved?.spec.collectorTitle;
    const collectorWord = collectorTitle ? nameIn(page.lang, collectorTitle, '') : null;
    const base = {
      title: 'dashboard.title',
      scripts: ['echarts.min.js'],
      aging: agingModel(page.t.bind(page), aging),
      performance: performanceModel(page.t.bind(page), performance, collectorWord),
      drives: progress.map((p) => driveModel(page.lang, p)),
    };
    if (!installed?.resolved) {
      return this.views.page('dashboard/index', page, {
        ...base,
        pack: null,
        asOf: null,
        figuresAt: undefined,
        targets: [],
        ratings: [],
        verdicts: [],
        assessment: [],
        npl: null,
        causes: [],
        canPlan: false,
      });
    }
    const spec = installed.resolved.spec;
    const targets = await this.queries.execute<GetTargets, TargetsView>(
      new GetTargets(meta, undefined, undefined, true),
    );
    const from = addDays(targets.asOf, -TREND_DAYS);
    const metrics = [
      ...new Set([
        ...spec.targets.map((x) => x.metric),
        ...spec.ratings.flatMap((r) => r.criteria.map((c) => c.metric)),
      ]),
    ];
    const snapshots = new Map(
      await Promise.all(
        metrics.map(
          async (metric) =>
            [
              metric,
              await this.queries.execute<GetKpiSnapshots, KpiSnapshotsView>(
                new GetKpiSnapshots(meta, metric, from, targets.asOf),
              ),
            ] as const,
        ),
      ),
    );
    const pointsOf = (metric: string) => snapshots.get(metric)?.points ?? [];
    const t = page.t.bind(page);
    // What moved a figure besides the work (imports, upgrades, plans), named beside the charts.
    const [causes, rated, assessed] = await Promise.all([
      this.queries.execute<ListFigureCauses, FigureCause[]>(
        new ListFigureCauses(meta, from, targets.asOf),
      ),
      spec.ratings.length
        ? this.queries.execute<GetRatings, RatingsView>(
            new GetRatings(meta, targets.asOf, undefined, true),
          )
        : null,
      // 篇二/七 年度考核: the year's assessment report's figures, not only in the report file.
      spec.reports.some(isAssessment)
        ? this.queries.execute<GetAssessment, AssessmentView>(
            new GetAssessment(meta, targets.asOf, true),
          )
        : null,
    ]);
    const marks = causeMarks(t, causes);
    return this.views.page('dashboard/index', page, {
      ...base,
      pack: {
        id: installed.packId,
        version: installed.version,
        name: nameIn(page.lang, spec.names, installed.packId),
      },
      asOf: targets.asOf,
      // The night's figures are shown with when they were computed (截至 …, the tenant's zone).
      figuresAt: [
        targets.figuresAt,
        assessed?.figuresAt ?? null,
        ...progress.map((p) => p.figuresAt),
      ]
        .filter((x): x is string => x !== null)
        .sort()[0],
      targets: targets.targets.map((target) =>
        targetCard(page.lang, t, target, pointsOf(target.metric), marks, collectorTitle),
      ),
      ratings: ratingCards(page.lang, t, spec, pointsOf, marks),
      verdicts: rated ? ratingVerdicts(t, rated.ratings) : [],
      assessment: assessed ? assessmentModel(page.lang, t, assessed, collectorTitle) : [],
      npl: spec.ratings.length ? nplSummary(pointsOf('nplRatio')) : null,
      causes: marks,
      // 清收计划: the leader enters each village's plan (kpi_inputs) behind recoveredVsPlan.
      canPlan: hasPermission(viewerOf(meta), 'kpi.input'),
      // 篇九: the office's own figures and the employers' contribution arrears.
      office: await officeFiguresPanel(this.queries, page, spec),
    });
  }

  /** The latest drives' progress, from the night's drive snapshot where it answers. */
  private async drives(page: PageContext): Promise<DriveProgress[]> {
    const meta = page.meta();
    const drives = await this.queries.execute<ListDrives, DriveSummary[]>(
      new ListDrives(meta, DASHBOARD_DRIVES),
    );
    return Promise.all(
      drives.map((d) =>
        this.queries.execute<GetDriveProgress, DriveProgress>(
          new GetDriveProgress(meta, d.id, undefined, true),
        ),
      ),
    );
  }
}
