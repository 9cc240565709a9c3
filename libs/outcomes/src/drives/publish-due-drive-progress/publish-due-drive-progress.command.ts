import { ActorCommand, ActorMeta } from '@qingshou/core';

/**
 * 定期公布清收进度 on the pack's schedule: publishes every publication of every launched drive
 * whose schedule fell on a date from the drive's launch to `asOf` (capped at the drive's
 * end) and that is not stored yet — each (drive, publication, date) exactly once, so a
 * nightly run that missed days catches up and a second run of the same night adds nothing.
 * The nightly run calls it; each publication goes through PublishDriveProgress.
 */
export class PublishDueDriveProgress extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly asOf?: string,
  ) {
    super(meta);
  }
}

/** The name the nightly run (libs/operations) imports. */
export { PublishDueDriveProgress as PublishDueDriveProgressCommand };

export interface DueDrivePublications {
  readonly asOf: string;
  /** What this call stored, oldest first. */
  readonly published: readonly {
    readonly driveId: string;
    readonly publication: string;
    readonly asOf: string;
    readonly status: 'published' | 'pending-approval' | 'rejected';
  }[];
  /** Due occurrences already stored before this call. */
  readonly alreadyPublished: number;
}
