import type { LocalDate } from '@qingshou/calendar';
import { ActorCommand, ActorMeta } from '@qingshou/core';
import type { DeliveryRule } from '../rendering/front-matter';
import type { NoticeView } from '../support/notice-rows';

export interface IssueNoticeInput {
  /** '<pack>/<template>', resolved through NoticeTemplateSource. */
  readonly templateId: string;
  readonly debtorId: string;
  /** The case the notice belongs to, when there is one (no FK: cases live in collection). */
  readonly caseId?: string | null;
  /** Same key → the same notice, never a second one (a retried job or double click). */
  readonly idempotencyKey: string;
  /** The fields the template prints; `tenant` and `notice` are filled in by the lib. */
  readonly data: Record<string, unknown>;
  /** Overrides the template's front-matter rule, for a pack that sets it in pack.yaml. */
  readonly deliveryRule?: DeliveryRule | null;
  /** The letter's date (`notice.issuedOn`); default today in the tenant's zone. */
  readonly issuedOn?: LocalDate;
}

/** Renders a template for a debtor and stores the notice as a draft, ready to send. */
export class IssueNotice extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly notice: IssueNoticeInput,
  ) {
    super(meta);
  }
}

export interface IssuedNotice {
  readonly notice: NoticeView;
  /** false when the idempotency key had already issued this notice. */
  readonly created: boolean;
}
