import { ActorCommand, ActorMeta } from '@qingshou/core';

/**
 * Sets and clears the pack's flags by their own conditions (`setWhen`, `clearWhen`) as of a
 * date, for the whole portfolio at once: 第二篇's officials in arrears (no promotion,
 * transfer or awards) and beneficiaries of preferential policies (eligibility suspended).
 * A flag without `clearWhen` stays until cleared explicitly. The daily run calls it.
 */
export class EvaluateFlags extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly asOf?: string,
  ) {
    super(meta);
  }
}

export interface FlagChanges {
  readonly flag: string;
  readonly set: number;
  readonly cleared: number;
  /** Parts of its conditions the set-based evaluation could not decide (counted false). */
  readonly problems: readonly string[];
}

export interface EvaluatedFlags {
  readonly asOf: string;
  readonly flags: FlagChanges[];
}
