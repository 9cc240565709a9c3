import { ActorCommand, ActorMeta } from '@qingshou/core';

/**
 * Writes the day's KPI figures (kpi_snapshots) for every metric the pinned pack measures:
 * its targets, rating criteria and report metrics, per breakdown. The daily run calls it
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
}
