import { ActorCommand, ActorMeta } from '@qingshou/core';

/**
 * Launches a drive of the pinned pack (篇三 集中清收): its phases dated from the pack's
 * calendar shifted so the first phase starts on `launchDate`, the cases in its scope taken
 * as of that date, and each phase's tasks and deliverables laid out. Launching the same
 * drive on the same date again returns the first launch.
 */
export class LaunchDrive extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly driveKey: string,
    readonly launchDate: string,
  ) {
    super(meta);
  }
}

export interface LaunchedDrive {
  readonly id: string;
  readonly created: boolean;
  readonly driveKey: string;
  readonly launchDate: string;
  readonly endsOn: string;
  readonly phases: { readonly key: string; readonly startsOn: string; readonly endsOn: string }[];
  readonly cases: number;
  readonly items: number;
  /** Parts of the scope the set-based evaluation could not decide (counted false). */
  readonly scopeProblems: readonly string[];
}
