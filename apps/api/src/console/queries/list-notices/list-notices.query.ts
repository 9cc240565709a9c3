import { ActorMeta, CollectionQuery } from '@qingshou/collection';

export interface NoticeListRow {
  readonly id: string;
  readonly caseId: string | null;
  readonly debtorName: string;
  readonly title: string;
  readonly templateId: string;
  readonly channel: string;
  readonly status: string;
  readonly sentOn: string | null;
  readonly deadline: string | null;
  readonly createdAt: string;
}

/**
 * Notices the viewer may open: those of cases they see (a collector: their own cases), the
 * newest first; with `noticeId`, that one notice or nothing (the page answers 404).
 */
export class ListNotices extends CollectionQuery {
  constructor(
    meta: ActorMeta,
    readonly filter: { readonly status?: string; readonly noticeId?: string } = {},
    readonly limit = 100,
  ) {
    super(meta);
  }
}
