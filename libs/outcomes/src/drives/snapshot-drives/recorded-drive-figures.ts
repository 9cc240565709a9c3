import { EntityManager } from '@mikro-orm/postgresql';
import type {
  MetricCalculator,
  MetricContext,
  MetricRequest,
  MetricResult,
} from '../../kpi/metrics/metric-calculator';
import { argsKey } from '../../kpi/snapshot-kpis/snapshot-series';
import type { AccountStateTables } from '../../kpi/sql/account-state-tables';
import type { FigureSource } from '../../kpi/targets/snapshot-figures';
import type { DriveFigures } from '../get-drive-progress/drive-figures';
import type { DriveProgress } from '../get-drive-progress/get-drive-progress.query';
import {
  type ProgressScope,
  recoveredCells,
  type RecoveredRow,
} from '../get-drive-progress/progress.sql';

/** The pseudo-metric of a phase's recovered arrears in drive_snapshots (migration 45). */
export const PHASE_RECOVERED = 'phaseRecovered';
/** The breakdown of the whole drive's row (its group id is the drive's). */
export const WHOLE_DRIVE = 'drive';

export interface DriveSnapshotRow {
  readonly phaseKey: string;
  readonly metric: string;
  readonly argsKey: string;
  readonly groupType: string;
  readonly groupId: string;
  readonly value: string | null;
  readonly numerator: string | null;
  readonly denominator: string | null;
}

export const rowKey = (r: Omit<DriveSnapshotRow, 'value' | 'numerator' | 'denominator'>) =>
  [r.phaseKey, r.metric, r.argsKey, r.groupType, r.groupId].join('|');

/**
 * The night's drive progress: computes every figure as the live page does (the very
 * requests driveProgress makes, from the transaction's cached account state) and keeps each
 * for drive_snapshots, so what the dashboard reads is what it would have computed.
 */
export class RecordedDriveFigures implements DriveFigures {
  readonly computedAt = null;
  private readonly groupRows: RecoveredRow[] = [];
  private readonly targetRows = new Map<string, DriveSnapshotRow>();

  constructor(
    private readonly calculator: MetricCalculator,
    private readonly tables: AccountStateTables,
  ) {}

  async recovered(em: EntityManager, scope: ProgressScope): Promise<RecoveredRow[]> {
    const { recovery } = await this.tables.ctes(scope.asOf, { acct: false, rec: true });
    const rows = await recoveredCells(em, scope, recovery);
    this.groupRows.push(...rows.filter((r) => r.group_id !== null));
    return rows;
  }

  phase(phaseKey: string): FigureSource {
    return {
      compute: async (em: EntityManager, ctx: MetricContext, req: MetricRequest) => {
        const result: MetricResult = await this.calculator.compute(em, ctx, req, this.tables);
        for (const v of result.values) {
          const row: DriveSnapshotRow = {
            phaseKey,
            metric: req.metric,
            argsKey: argsKey(req.args),
            groupType: req.per,
            groupId: v.groupId,
            value: v.value,
            numerator: v.numerator,
            denominator: v.denominator,
          };
          this.targetRows.set(rowKey(row), row);
        }
        return result;
      },
    };
  }

  /**
   * The rows to keep: each phase's recovered arrears for the whole drive — written even when
   * nothing was recovered, so a snapshot of the drive exists for every phase — and per debtor
   * group as the statement gave them, then the phase targets' figures.
   */
  rows(progress: DriveProgress): DriveSnapshotRow[] {
    const recovered = (phaseKey: string, groupType: string, groupId: string, value: string) => ({
      phaseKey,
      metric: PHASE_RECOVERED,
      argsKey: '{}',
      groupType,
      groupId,
      value,
      numerator: null,
      denominator: null,
    });
    return [
      ...progress.phases.map((p) => recovered(p.key, WHOLE_DRIVE, progress.drive.id, p.recovered)),
      ...this.groupRows.map((r) =>
        recovered(
          String(r.phase_key),
          String(r.group_type),
          String(r.group_id),
          String(r.recovered),
        ),
      ),
      ...this.targetRows.values(),
    ];
  }
}
