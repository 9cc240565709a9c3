import { ActorCommand, ActorMeta } from '@qingshou/core';
import type { NoticeView } from '@qingshou/notices';
import type { CaseLetterRequest } from '../case-notices/case-letter';

/**
 * A person issues a letter of the tenant's pinned pack for a case (POST /notices): the
 * engine's path, not the caller's figures — amounts, DPD and statement lines from the ledger
 * as of the letter's date, params and the delivery rule from the pack, the pack's approval
 * gate holding it until granted. The caller gives only the template's declared input.
 */
export class IssueCaseNotice extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly letter: CaseLetterRequest & {
      /** Same key (for the same case) → the same letter or hold, never a second one. */
      readonly idempotencyKey: string;
    },
  ) {
    super(meta);
  }
}

/** The letter went out as a draft ready to send (created false: the key had issued it). */
export interface CaseNoticeIssued {
  readonly status: 'issued';
  readonly created: boolean;
  readonly notice: NoticeView;
}

/** The letter waits for the pack's approval; granted → issued by the engine, rejected → never. */
export interface CaseNoticeHeld {
  readonly status: 'held';
  readonly idempotencyKey: string;
  readonly approvalId: string;
  readonly approvalKind: string;
  readonly template: string;
}

export type CaseNoticeOutcome = CaseNoticeIssued | CaseNoticeHeld;
