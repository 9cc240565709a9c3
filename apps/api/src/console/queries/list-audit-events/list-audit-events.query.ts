import { ActorMeta, CollectionQuery } from '@qingshou/collection';

export interface AuditFilter {
  /** Local dates (YYYY-MM-DD) in the tenant's zone, both inclusive. */
  readonly from: string | null;
  readonly to: string | null;
  readonly actorId: string | null;
  readonly type: string | null;
  /** Keyset: rows with seq below this one (the next page of a newest-first list). */
  readonly beforeSeq: number | null;
}

export interface AuditRow {
  readonly seq: number;
  readonly type: string;
  readonly aggregateType: string;
  readonly aggregateId: string;
  /** The case the event belongs to, when it is a case's event (for a link). */
  readonly caseId: string | null;
  readonly actorId: string;
  readonly actorName: string | null;
  readonly occurredAt: string;
}

export interface AuditPage {
  readonly rows: AuditRow[];
  readonly total: number;
  /** Seq to pass as beforeSeq for the next page; null on the last page. */
  readonly nextBeforeSeq: number | null;
  /** Who acted and what happened in this tenant's log (the filter's choices). */
  readonly actors: { id: string; name: string }[];
  readonly types: string[];
}

/** The tenant's hash-chained event log, newest first, a page at a time (the auditor's view). */
export class ListAuditEvents extends CollectionQuery {
  constructor(
    meta: ActorMeta,
    readonly filter: AuditFilter,
    readonly pageSize = 50,
  ) {
    super(meta);
  }
}
