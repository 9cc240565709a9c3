import { ActorCommand, ActorMeta } from '@qingshou/core';

/**
 * 定期公布清收进度: stores the report a drive publication names as of a date. An internal
 * one is published at once; a public one (恶意欠贷 names people) waits for its approval
 * and is not released until granted. The schedule in the pack says when the daily run
 * calls it; a second call for the same date returns the stored row.
 */
export class PublishDriveProgress extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly driveId: string,
    readonly publicationKey: string,
    readonly asOf?: string,
  ) {
    super(meta);
  }
}

export interface PublicationView {
  readonly id: string;
  readonly driveId: string;
  readonly publication: string;
  readonly report: string;
  readonly audience: 'internal' | 'public';
  readonly asOf: string;
  readonly status: 'published' | 'pending-approval' | 'rejected';
  readonly approverRole: string | null;
  readonly requestedBy: string;
  readonly decidedBy: string | null;
  readonly publishedAt: string | null;
  /** Withheld (null) from a public list until it is published, except for its approver. */
  readonly content: Record<string, unknown> | null;
}
