import { ActorCommand, ActorMeta } from '@qingshou/core';
import type { IssueNoticeInput } from './issue-notice.command';

/**
 * IssueNotice for many notices at once (the daily run's letters): the same checks, rendering,
 * idempotency and NoticeIssued events, with one transaction, one read of the keys already
 * issued, one multi-row insert and one event append for the whole batch. A notice that
 * cannot be issued (bad input, unknown template or debtor, a render error, a key reused for
 * another letter) is reported in its outcome and does not stop the others.
 */
export class IssueNotices extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly notices: readonly IssueNoticeInput[],
  ) {
    super(meta);
  }
}

/** What became of one input, in the order given. */
export interface IssueNoticesOutcome {
  readonly idempotencyKey: string;
  /** The notice stored under the key (new or earlier); null when it failed. */
  readonly noticeId: string | null;
  /** True when this call stored it. */
  readonly created: boolean;
  /** Why it was not issued (IssueNotice's error message); null when it was. */
  readonly error: string | null;
}

export interface IssuedNotices {
  readonly created: number;
  readonly outcomes: readonly IssueNoticesOutcome[];
}
