import { ActorCommand, ActorMeta } from '@qingshou/core';

/**
 * Generates every report of the pinned pack whose schedule has fallen due on or before
 * `asOf` and is not yet generated for that period, as of its due date, in XLSX and HTML.
 * The nightly run calls it per tenant; a second call for the same date creates nothing.
 */
export class RunDueReports extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly asOf: string,
  ) {
    super(meta);
  }
}

export interface DueReportsResult {
  readonly asOf: string;
  /** Runs stored by this call. */
  readonly generated: {
    readonly reportId: string;
    readonly period: string;
    readonly format: string;
  }[];
  /** Reports whose due period was already generated. */
  readonly upToDate: number;
  /** Reports that failed; recorded as failed runs and retried by the next call. */
  readonly failed: { readonly reportId: string; readonly error: string }[];
}
