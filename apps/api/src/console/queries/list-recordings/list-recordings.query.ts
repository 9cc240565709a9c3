import { ActorMeta, CollectionQuery } from '@qingshou/collection';

export interface RecordingRow {
  readonly attachmentId: string;
  readonly caseId: string;
  readonly debtorName: string;
  readonly attemptedAt: string;
  /** Who logged the call; null for a job or the CLI (shown as 系统). */
  readonly collector: string | null;
  readonly sizeBytes: number;
  readonly originalName: string;
  /** In a tar of the daily archive job (篇八 全程录音 kept apart from the live store). */
  readonly archived: boolean;
}

export interface RecordingsPage {
  readonly rows: RecordingRow[];
  readonly total: number;
  /** attemptedAt|attachmentId of the last row, for the next page; null on the last. */
  readonly next: string | null;
  readonly lastRunAt: string | null;
}

/** The call recordings of the cases the viewer sees, newest contact first, keyset-paged. */
export class ListRecordings extends CollectionQuery {
  constructor(
    meta: ActorMeta,
    readonly after: string | null,
    readonly pageSize = 50,
  ) {
    super(meta);
  }
}

export interface RecordingFile {
  readonly data: Buffer;
  readonly contentType: string;
  readonly originalName: string;
}

/** One recording's bytes, if it belongs to a contact on a case the viewer sees. */
export class GetRecordingFile extends CollectionQuery {
  constructor(
    meta: ActorMeta,
    readonly attachmentId: string,
  ) {
    super(meta);
  }
}
