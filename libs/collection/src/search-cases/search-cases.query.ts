import { ActorMeta, CollectionQuery } from '../domain/collection-command';
import type { CaseStatus } from '../domain/vocabulary';

/** 五级分类 as the ledger stores it (account_balances.loan_class), best to worst. */
export const LOAN_CLASSES = ['pass', 'special-mention', 'substandard', 'doubtful', 'loss'] as const;
export type LoanClass = (typeof LOAN_CLASSES)[number];

/** What the case pool sorts by; `priority` (high first, then oldest) is the default. */
export const CASE_SORTS = ['priority', 'dpd', 'amount', 'opened', 'next-due'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];
export type SortDirection = 'asc' | 'desc';

export interface CaseFilters {
  readonly status?: readonly CaseStatus[];
  readonly stage?: string;
  readonly dpdMin?: number;
  readonly dpdMax?: number;
  readonly assigneeId?: string;
  readonly teamId?: string;
  /** A debtor group from the ledger (village, school, dealer…). */
  readonly groupId?: string;
  /** Any group of this type (village, school, employer, dealer…). */
  readonly groupType?: string;
  readonly amountMin?: string;
  readonly amountMax?: string;
  readonly debtorId?: string;
  /** Only these cases (a selection on the page); still under the viewer's visibility. */
  readonly caseIds?: readonly string[];
  /** The worst 五级分类 over the case's accounts. */
  readonly loanClass?: LoanClass;
  /** A live pack flag on the debtor or one of the case's accounts; `blacklist` = 黑名单. */
  readonly flag?: string;
  /** A recorded pack attribute (debtor, account or case), optionally with its value. */
  readonly attrKey?: string;
  readonly attrValue?: string;
  /** An open task falls due on or before this day (tenant zone), YYYY-MM-DD. */
  readonly dueBefore?: string;
  /**
   * Search box: name contains; contract/card number (exact, or contains for a contract
   * number); phone and ID number exact only — lists show those masked, so a partial match
   * would let anyone recover the hidden digits one query at a time.
   */
  readonly q?: string;
}

export interface CaseOrder {
  readonly sort?: CaseSort;
  readonly direction?: SortDirection;
}

/** Case search; sorted by priority (high first), then oldest opened, then id, unless ordered. */
export class SearchCases extends CollectionQuery {
  constructor(
    meta: ActorMeta,
    readonly filters: CaseFilters = {},
    readonly cursor?: string,
    readonly limit?: number,
    readonly order: CaseOrder = {},
  ) {
    super(meta);
  }
}
