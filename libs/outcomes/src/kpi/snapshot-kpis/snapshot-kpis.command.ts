import { ActorCommand, ActorMeta } from '@qingshou/core';
import type { DriveSnapshotCounts } from '../../drives/snapshot-drives/snapshot-drives';

/**
 * Writes the day's KPI figures (kpi_snapshots) for every metric the pinned pack measures:
 * its targets, rating criteria and report metrics, per breakdown; and the progress of the
 * drives the dashboard shows (drive_snapshots: recovered per phase, the phase targets). The daily run calls it
 * once per tenant; a second run of the same day changes nothing.
 */
export class SnapshotKpis extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly asOf?: string,
  ) {
    super(meta);
  }
}

export interface KpiSnapshotResult {
  readonly asOf: string;
  /** (metric, arguments, breakdown) combinations computed. */
  readonly series: number;
  readonly rows: number;
  /** Rows inserted or whose value changed. */
  readonly changed: number;
  /** The drives' progress kept (drive_snapshots). */
  readonly drives: DriveSnapshotCounts;
}
