import { ActorMeta, ActorQuery } from '@qingshou/core';
import type { Deliverable } from '@qingshou/collection';

/** What the completion form of one open task needs: its deliverable and the case's records. */
export class GetTaskOutcomeForm extends ActorQuery {
  constructor(
    meta: ActorMeta,
    readonly taskId: string,
  ) {
    super(meta);
  }
}

export interface OutcomeChoice {
  readonly id: string;
  /** When it happened (an instant, shown in the tenant's zone). */
  readonly at: string;
  /** A catalogue code: a contact's channel, an approval's kind. */
  readonly code: string;
  /** A contact's outcome code; null otherwise. */
  readonly label: string | null;
}

export interface TaskOutcomeForm {
  readonly taskId: string;
  readonly kind: string;
  readonly title: string | null;
  readonly caseId: string | null;
  readonly debtorName: string | null;
  readonly deliverable: Deliverable;
  /** The case's latest contacts / notices / approvals, newest first (at most 10). */
  readonly choices: readonly OutcomeChoice[];
}
