import { ActorMeta, ActorQuery } from '@qingshou/core';
import type { KpiInputName } from '../record-kpi-input/record-kpi-input.command';

/** The whole unit's manual figures (kpi_inputs) in force on a date (default: today). */
export class GetKpiInputs extends ActorQuery {
  constructor(
    meta: ActorMeta,
    readonly asOf?: string,
  ) {
    super(meta);
  }
}

export interface KpiInputFigure {
  readonly input: KpiInputName;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly amount: string;
  readonly note: string | null;
  readonly recordedAt: string;
}

export interface KpiInputsView {
  readonly asOf: string;
  /** One per input: the figure whose period holds the date, the latest-starting first. */
  readonly figures: KpiInputFigure[];
}
