import { ActorMeta, ActorQuery } from '@qingshou/core';
import type { GroupRating, RatingChange } from '../rate-groups';

/**
 * Group ratings (信用村…) recomputed as of a date, with the stored history of each group's
 * rating up to it. Writes nothing; RecomputeRatings records changes.
 */
export class GetRatings extends ActorQuery {
  constructor(
    meta: ActorMeta,
    readonly asOf?: string,
    readonly groupType?: string,
    /** Read the night's figures where they answer exactly (the dashboard; SnapshotFigures). */
    readonly fromSnapshot = false,
  ) {
    super(meta);
  }
}

export interface GroupRatingView extends GroupRating {
  /** Since when the group has held its current standing, per the stored history. */
  readonly since: string | null;
  readonly history: RatingChange[];
}

export interface RatingsView {
  readonly asOf: string;
  readonly ratings: GroupRatingView[];
}
