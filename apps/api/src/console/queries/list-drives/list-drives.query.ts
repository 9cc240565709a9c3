import { ActorMeta, ActorQuery } from '@qingshou/core';

export interface DriveSummary {
  readonly id: string;
  readonly key: string;
  readonly names: { readonly zh?: string; readonly en?: string };
  readonly launchDate: string;
  readonly endsOn: string;
}

/** The tenant's launched drives (专项清收活动), newest first: the dashboard charts each. */
export class ListDrives extends ActorQuery {
  constructor(
    meta: ActorMeta,
    readonly limit = 5,
  ) {
    super(meta);
  }
}
