import { ActorMeta, ActorQuery } from '@qingshou/core';
import type { TargetView } from '../targets/evaluate-targets';

/**
 * Every target of the pinned pack as of a date (default: today), per breakdown it names;
 * with `groupType`, only that breakdown (tenant, collector, team, village, school…).
 */
export class GetTargets extends ActorQuery {
  constructor(
    meta: ActorMeta,
    readonly asOf?: string,
    readonly groupType?: string,
  ) {
    super(meta);
  }
}

export interface TargetsView {
  readonly asOf: string;
  readonly pack: { readonly id: string; readonly version: string };
  readonly targets: TargetView[];
}
