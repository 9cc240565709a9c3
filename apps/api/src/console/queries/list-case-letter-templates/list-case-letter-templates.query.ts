import type { LocalDate } from '@qingshou/calendar';
import { ActorMeta, ActorQuery } from '@qingshou/core';

/** One field the template asks the issuing person for (front matter `input:`). */
export interface LetterInputChoice {
  readonly name: string;
  readonly type: 'text' | 'date' | 'money' | 'integer';
  readonly required: boolean;
  readonly maxLength: number | null;
  readonly label: { readonly zh: string; readonly en: string };
}

/** A template of the pinned pack a person may issue on the case. */
export interface LetterTemplateChoice {
  /** `<pack>/<template>`: what IssueCaseNotice takes (never shown to the person). */
  readonly id: string;
  /** The template's own title (催款函, 律师函): what the person picks by. */
  readonly title: string;
  readonly channel: string;
  /** The approval the pack puts in front of it (its code), or null when it goes out at once. */
  readonly approvalKind: string | null;
  readonly inputs: readonly LetterInputChoice[];
}

export interface CaseLetterChoices {
  /** Today in the tenant's zone: the letter's default date and the latest it may carry. */
  readonly today: LocalDate;
  readonly templates: readonly LetterTemplateChoice[];
  /** Whom a letter of this case may be addressed to: the debtor, and their related parties' kinds. */
  readonly recipients: readonly string[];
}

/**
 * The letters a person may issue on one case (the case page's 开具通知书): the tenant's pinned
 * pack's templates with their declared input and approval gate. Decided like IssueCaseNotice:
 * notice.issue, and 404 for a case the viewer does not see.
 */
export class ListCaseLetterTemplates extends ActorQuery {
  constructor(
    meta: ActorMeta,
    readonly caseId: string,
  ) {
    super(meta);
  }
}
