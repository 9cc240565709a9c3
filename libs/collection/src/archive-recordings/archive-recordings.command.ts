import { ActorMeta, CollectionCommand, CollectionQuery } from '../domain/collection-command';

/**
 * 篇八 (全程录音, collected and backed up regularly): archive the tenant's call recordings
 * uploaded since the last run into one tar with a sha256 manifest. Only the worker's daily
 * job (the system viewer) runs it.
 */
export class ArchiveRecordings extends CollectionCommand {
  constructor(meta: ActorMeta) {
    super(meta);
  }
}

/** What the last run did; GET /backups/recordings/last shows it. */
export interface RecordingsArchiveRun {
  readonly ranAt: string;
  /** The tar's file name under the tenant's archive folder; null when nothing was new. */
  readonly archive: string | null;
  readonly files: number;
  readonly bytes: number;
  /** Recordings whose stored bytes no longer match their row's sha256 (archived, named here). */
  readonly mismatched: string[];
  /** The newest recording archived so far: the next run looks back an hour before it. */
  readonly through: { readonly uploadedAt: string; readonly id: string } | null;
}

export class GetLastRecordingsArchive extends CollectionQuery {
  constructor(meta: ActorMeta) {
    super(meta);
  }
}
