import { ActorMeta, ActorQuery } from '@qingshou/core';
import type { NoticePreview } from '@qingshou/notices';
import type { CaseLetterRequest } from '../case-notices/case-letter';

/**
 * The letter IssueCaseNotice would issue for the case, rendered and not stored (POST
 * /notices/preview): the same figures from the ledger as of the letter's date, the same
 * params and delivery rule from the pack, the same access decision.
 */
export class PreviewCaseNotice extends ActorQuery {
  constructor(
    meta: ActorMeta,
    readonly letter: CaseLetterRequest,
  ) {
    super(meta);
  }
}

export interface CaseNoticePreview extends NoticePreview {
  /** The approval issuing it would wait for (the pack's gate), or null when it goes out at once. */
  readonly approvalKind: string | null;
  /** The date the figures are taken as of. */
  readonly letterDate: string;
}
