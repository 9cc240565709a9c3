import { ActorMeta, CollectionQuery } from '../domain/collection-command';
import type { CaseStatus } from '../domain/vocabulary';

export interface CaseFilters {
  readonly status?: readonly CaseStatus[];
  readonly stage?: string;
  readonly dpdMin?: number;
  readonly dpdMax?: number;
  readonly assigneeId?: string;
  readonly teamId?: string;
  /** A debtor group from the ledger (village, school, dealer…). */
  readonly groupId?: string;
  readonly amountMin?: string;
  readonly amountMax?: string;
  readonly debtorId?: string;
}

/** Case search; sorted by priority (high first), then oldest opened, then id. */
export class SearchCases extends CollectionQuery {
  constructor(
    meta: ActorMeta,
    readonly filters: CaseFilters = {},
    readonly cursor?: string,
    readonly limit?: number,
  ) {
    super(meta);
  }
}
