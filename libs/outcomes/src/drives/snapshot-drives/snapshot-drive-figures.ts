import { EntityManager } from '@mikro-orm/postgresql';
import type { LocalDate } from '@qingshou/calendar';
import {
  metricPeriod,
  type MetricCalculator,
  type MetricContext,
  type MetricRequest,
  type MetricResult,
} from '../../kpi/metrics/metric-calculator';
import { argsKey } from '../../kpi/snapshot-kpis/snapshot-series';
import { SNAPSHOT_LABEL_COLUMNS, SNAPSHOT_LABEL_JOINS } from '../../kpi/sql/snapshot-labels.sql';
import { enteredSince, type FigureSource } from '../../kpi/targets/snapshot-figures';
import type { DriveFigures } from '../get-drive-progress/drive-figures';
import type { RecoveredRow } from '../get-drive-progress/progress.sql';
import { PHASE_RECOVERED, WHOLE_DRIVE } from './recorded-drive-figures';

interface Row {
  phase_key: string;
  metric: string;
  args_key: string;
  group_type: string;
  group_id: string;
  code: string | null;
  name: string | null;
  value: string | null;
  numerator: string | null;
  denominator: string | null;
  /** A timestamptz: the driver may give a Date or its text. */
  computed_at: Date | string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A drive's progress as the night computed it (drive_snapshots, written by SnapshotKpis for
 * the drives the dashboard shows): one indexed read instead of the recovered statement and
 * each phase target's statement over the whole book. Read only for the snapshot's own date;
 * a drive the night did not reach (launched since) is computed live altogether, and a phase
 * target whose figure reads a plan entered since the night (kpi_inputs) is computed live, as
 * SnapshotFigures does. Group names are today's (joined, not kept).
 */
export class SnapshotDriveFigures implements DriveFigures {
  private constructor(
    private readonly calculator: MetricCalculator,
    private readonly rows: readonly Row[],
    readonly computedAt: Date,
  ) {}

  /** The night's figures of the drive on the date, or null when it has none. */
  static async load(
    em: EntityManager,
    calculator: MetricCalculator,
    tenantId: string,
    driveId: string,
    asOf: LocalDate,
  ): Promise<SnapshotDriveFigures | null> {
    if (!UUID.test(driveId)) return null;
    const rows = await em.execute<Row[]>(
      `select s.phase_key, s.metric, s.args_key, s.group_type, s.group_id,
              ${SNAPSHOT_LABEL_COLUMNS},
              s.value::text, s.numerator::text, s.denominator::text, s.computed_at
       from drive_snapshots s
       ${SNAPSHOT_LABEL_JOINS}
       where s.tenant_id = ? and s.drive_id = ? and s.as_of = ?
       order by s.phase_key, s.metric, s.args_key, s.group_type, code, s.group_id`,
      [tenantId, driveId, asOf],
    );
    if (rows.length === 0) return null;
    const oldest = Math.min(...rows.map((r) => new Date(r.computed_at).getTime()));
    return new SnapshotDriveFigures(calculator, rows, new Date(oldest));
  }

  recovered(): Promise<RecoveredRow[]> {
    const whole = (r: Row) => r.group_type === WHOLE_DRIVE;
    return Promise.resolve(
      this.rows
        .filter((r) => r.metric === PHASE_RECOVERED)
        .map((r) => ({
          phase_key: r.phase_key,
          group_type: whole(r) ? null : r.group_type,
          group_id: whole(r) ? null : r.group_id,
          code: whole(r) ? null : r.code,
          name: whole(r) ? null : r.name,
          recovered: r.value,
        })),
    );
  }

  phase(phaseKey: string): FigureSource {
    return { compute: (em, ctx, req) => this.figure(em, ctx, phaseKey, req) };
  }

  private async figure(
    em: EntityManager,
    ctx: MetricContext,
    phaseKey: string,
    req: MetricRequest,
  ): Promise<MetricResult> {
    const key = argsKey(req.args);
    const rows = this.rows.filter(
      (r) =>
        r.phase_key === phaseKey &&
        r.metric === req.metric &&
        r.args_key === key &&
        r.group_type === req.per,
    );
    // Not measured by the night (the pack changed since), or a plan entered since feeds it.
    if (rows.length === 0 || (await enteredSince(em, ctx.tenantId, req.metric, this.computedAt))) {
      return this.calculator.compute(em, ctx, req);
    }
    return {
      metric: req.metric,
      args: req.args,
      asOf: req.asOf,
      per: req.per,
      period: await metricPeriod(em, ctx, req),
      values: rows.map((r) => ({
        groupType: req.per,
        groupId: r.group_id,
        groupCode: r.code as string,
        groupName: r.name as string,
        numerator: r.numerator,
        denominator: r.denominator,
        value: r.value,
      })),
    };
  }
}
