import { ActorCommand, ActorMeta } from '@qingshou/core';

/**
 * Recomputes every group rating of the pack as of a date and records each group whose
 * standing changed (or was never recorded) in group_rating_changes. Idempotent: the same
 * date twice records nothing new. The daily run calls it.
 */
export class RecomputeRatings extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly asOf?: string,
  ) {
    super(meta);
  }
}

export interface RecomputedRatings {
  readonly asOf: string;
  readonly groups: number;
  readonly granted: number;
  readonly changed: {
    readonly ratingId: string;
    readonly groupCode: string;
    readonly granted: boolean;
  }[];
}
