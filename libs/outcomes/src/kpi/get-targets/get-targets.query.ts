import { ActorMeta, ActorQuery } from '@qingshou/core';
import type { TargetView } from '../targets/evaluate-targets';

/**
 * Every target of the pinned pack as of a date (default: today), per breakdown it names;
 * with `groupType`, only that breakdown (tenant, collector, team, village, school…).
 * `fromSnapshot`: read the night's figures where they answer exactly (the dashboard; see
 * SnapshotFigures), else each figure is computed live as the API and reports want it.
 */
export class GetTargets extends ActorQuery {
  constructor(
    meta: ActorMeta,
    readonly asOf?: string,
    readonly groupType?: string,
    readonly fromSnapshot = false,
  ) {
    super(meta);
  }
}

export interface TargetsView {
  readonly asOf: string;
  readonly pack: { readonly id: string; readonly version: string };
  readonly targets: TargetView[];
  /** When the oldest snapshot figure shown was computed (ISO); null when all are live. */
  readonly figuresAt: string | null;
}
