import { ActorMeta, CollectionQuery } from '@qingshou/collection';

export type InboxTab = 'pending' | 'decided';

export interface InboxAccount {
  /** The contract / card number the office knows the account by. */
  readonly ref: string;
  readonly totalDue: string;
  readonly dpd: number;
}

export interface InboxRow {
  readonly id: string;
  readonly caseId: string;
  readonly kind: string;
  readonly approverRole: string;
  readonly status: string;
  readonly payload: Record<string, unknown>;
  /** The requester's own words; null for the engine's requests (their reason is a log line). */
  readonly reason: string | null;
  /** The person who asked, or null when the pack's engine asked. */
  readonly requestedBy: string | null;
  readonly byEngine: boolean;
  readonly requestedAt: string;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
  readonly decisionNote: string | null;
  readonly debtorName: string;
  readonly stage: string | null;
  readonly collector: string | null;
  readonly dpd: number;
  readonly amountDue: string;
  readonly accounts: readonly InboxAccount[];
  /** The pack's letter a notice gate holds (its title), when the request is such a gate. */
  readonly templateTitle: string | null;
}

/**
 * 审批 inbox: approvals whose approver role the viewer holds (a manager: every one, as
 * DecideApproval allows), on cases the viewer may see, with what the decider needs beside
 * them — debtor, accounts, DPD, amount due, collector. `pending` oldest first (it has waited
 * longest); `decided` newest decision first.
 */
export class ListApprovalInbox extends CollectionQuery {
  constructor(
    meta: ActorMeta,
    readonly tab: InboxTab = 'pending',
    readonly limit = 100,
    /** Only these kinds (the finance room's short list); every kind when absent. */
    readonly kinds?: readonly string[],
  ) {
    super(meta);
  }
}
