import { ActorMeta, CollectionQuery } from '@qingshou/collection';

export interface RecentPayment {
  readonly id: string;
  readonly accountRef: string;
  readonly debtorName: string;
  readonly caseId: string | null;
  readonly amount: string;
  readonly paidOn: string;
  readonly source: string;
  readonly externalRef: string;
  readonly note: string | null;
  /** A reversal (冲正) row: negative, naming the receipt it undoes. */
  readonly isReversal: boolean;
  /** A receipt that a later row already reversed (no second 冲正). */
  readonly reversed: boolean;
  readonly recordedBy: string | null;
  readonly recordedAt: string;
}

export interface RecentPayments {
  /** The tenant's business date: the payment form's default 还款日期. */
  readonly today: string;
  readonly items: readonly RecentPayment[];
}

/**
 * 还款与冲正流水: the latest payments and reversals on accounts of cases the viewer may see,
 * newest first, at most `limit`.
 */
export class ListRecentPayments extends CollectionQuery {
  constructor(
    meta: ActorMeta,
    readonly limit = 30,
  ) {
    super(meta);
  }
}
