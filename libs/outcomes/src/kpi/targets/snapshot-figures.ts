import { EntityManager } from '@mikro-orm/postgresql';
import { METRICS, type MetricName } from '@qingshou/policy';
import {
  metricPeriod,
  MetricCalculator,
  type MetricContext,
  type MetricRequest,
  type MetricResult,
} from '../metrics/metric-calculator';
import { SNAPSHOT_LABEL_COLUMNS, SNAPSHOT_LABEL_JOINS } from '../sql/snapshot-labels.sql';
import { argsKey, type Series, seriesOf } from '../snapshot-kpis/snapshot-series';

/** Where a target's figures come from: the live statement (MetricCalculator) or the snapshot. */
export interface FigureSource {
  compute(em: EntityManager, ctx: MetricContext, req: MetricRequest): Promise<MetricResult>;
}

interface SnapshotRow {
  group_id: string;
  code: string;
  name: string;
  value: string | null;
  numerator: string | null;
  denominator: string | null;
  /** A timestamptz: the driver may give a Date or its text. */
  computed_at: Date | string;
}

/**
 * The night's figures (kpi_snapshots, written by SnapshotKpis for every series the pack
 * measures) where they answer the request exactly, else the live statement — a page reads a
 * handful of indexed rows instead of one statement over the whole book per breakdown
 * (issue 15: ~20 s each at 20,000 accounts). A series is read from the snapshot only when:
 * - the snapshot is of the same as-of date (the run of that day) and measured the same period
 *   (a target's own period; the first to name a series sets it, seriesOf);
 * - no figure the office entered since (kpi_inputs: a plan, a deposit balance) feeds it —
 *   RecordKpiInput does not re-snapshot, so that one series is computed live until the night;
 * - it has rows, or the day's run wrote rows for other series and the series has no drive
 *   window (a drive launched since the run has a window the snapshot did not measure).
 * `computedAt` is when the oldest figure read was computed (the page's 截至), null when all
 * were live.
 */
export class SnapshotFigures implements FigureSource {
  private oldest: Date | null = null;
  private series: Map<string, Series> | null = null;
  private ranOn = new Map<string, boolean>();

  constructor(private readonly calculator: MetricCalculator) {}

  get computedAt(): Date | null {
    return this.oldest;
  }

  async compute(em: EntityManager, ctx: MetricContext, req: MetricRequest): Promise<MetricResult> {
    const snapped = req.window ? null : await this.fromSnapshot(em, ctx, req);
    return snapped ?? this.calculator.compute(em, ctx, req);
  }

  private async fromSnapshot(
    em: EntityManager,
    ctx: MetricContext,
    req: MetricRequest,
  ): Promise<MetricResult | null> {
    const key = argsKey(req.args);
    this.series ??= new Map(
      seriesOf(ctx.pack.spec).map((s) => [`${s.metric}|${s.argsKey}|${s.per}`, s]),
    );
    const series = this.series.get(`${req.metric}|${key}|${req.per}`);
    if (!series) return null;
    const periodName = (one: { defaultPeriod?: string }) =>
      String(req.args.period ?? one.defaultPeriod ?? 'year');
    if (periodName(series) !== periodName(req)) return null;
    const rows = await em.execute<SnapshotRow[]>(
      `select s.group_id,
              ${SNAPSHOT_LABEL_COLUMNS},
              s.value::text, s.numerator::text, s.denominator::text, s.computed_at
       from kpi_snapshots s
       ${SNAPSHOT_LABEL_JOINS}
       where s.tenant_id = ? and s.metric = ? and s.args_key = ? and s.group_type = ?
         and s.as_of = ?
       order by code, s.group_id`,
      [ctx.tenantId, req.metric, key, req.per, req.asOf],
    );
    const period = await metricPeriod(em, ctx, req);
    if (rows.length === 0) {
      const drive = periodName(req) === 'drive';
      return !drive && (await this.ran(em, ctx.tenantId, req.asOf))
        ? this.result(req, period, rows)
        : null;
    }
    const computedAt = new Date(Math.min(...rows.map((r) => new Date(r.computed_at).getTime())));
    if (await enteredSince(em, ctx.tenantId, req.metric, computedAt)) return null;
    if (this.oldest === null || computedAt < this.oldest) this.oldest = computedAt;
    return this.result(req, period, rows);
  }

  private result(
    req: MetricRequest,
    period: MetricResult['period'],
    rows: readonly SnapshotRow[],
  ): MetricResult {
    return {
      metric: req.metric,
      args: req.args,
      asOf: req.asOf,
      per: req.per,
      period,
      values: rows.map((r) => ({
        groupType: req.per,
        groupId: r.group_id,
        groupCode: r.code,
        groupName: r.name,
        numerator: r.numerator,
        denominator: r.denominator,
        value: r.value,
      })),
    };
  }

  /** Whether the day's run wrote any figure for the tenant (kpi_snapshots_date index). */
  private async ran(em: EntityManager, tenantId: string, asOf: string): Promise<boolean> {
    let ran = this.ranOn.get(asOf);
    if (ran === undefined) {
      const rows = await em.execute<{ one: number }[]>(
        `select 1 as one from kpi_snapshots where tenant_id = ? and as_of = ? limit 1`,
        [tenantId, asOf],
      );
      ran = rows.length > 0;
      this.ranOn.set(asOf, ran);
    }
    return ran;
  }
}

/**
 * A plan or deposit balance recorded after the figure was computed, for a metric that reads
 * one: RecordKpiInput does not re-snapshot, so such a figure is computed live until the night.
 */
export async function enteredSince(
  em: EntityManager,
  tenantId: string,
  metric: string,
  computedAt: Date,
): Promise<boolean> {
  const entry = METRICS[metric as MetricName];
  const inputs = [entry?.plan?.input, entry?.opening?.input].filter(
    (x): x is NonNullable<typeof x> => x !== undefined,
  );
  if (inputs.length === 0) return false;
  const rows = await em.execute<{ one: number }[]>(
    `select 1 as one from kpi_inputs
     where tenant_id = ? and input = any(?::text[]) and recorded_at > ? limit 1`,
    [tenantId, `{${inputs.join(',')}}`, computedAt],
  );
  return rows.length > 0;
}
