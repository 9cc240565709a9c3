import { ActorMeta, CollectionQuery } from '@qingshou/collection';

export interface CaseDeadline {
  readonly noticeId: string;
  readonly title: string;
  readonly status: string;
  /** The last day of the notice's period (法定期限), as its recorded delivery dated it. */
  readonly deadline: string;
  readonly explanation: string | null;
  /** The period ran out before today (the pack's daysSince noticeDeadlinePassed holds). */
  readonly lapsed: boolean;
}

/**
 * The deadlines the case's notices run to (催缴通知书: 30 days from signed receipt), the
 * latest first, for the case page's header; notices not yet delivered have none.
 */
export class ListCaseDeadlines extends CollectionQuery {
  constructor(
    meta: ActorMeta,
    readonly caseId: string,
  ) {
    super(meta);
  }
}
