import { ActorMeta, CollectionQuery } from '@qingshou/collection';

export interface AccountHit {
  readonly accountId: string;
  /** Contract / card number (accounts.external_ref). */
  readonly ref: string;
  readonly debtorName: string;
  /** The open case the account is in (the case page to open), else its latest case. */
  readonly caseId: string | null;
  readonly totalDue: string;
  readonly dpd: number;
}

/**
 * The finance room's account finder: a contract number (exact or its start) or a debtor's
 * name (any part), on accounts of cases the viewer may see; at most `limit` hits, the most
 * owed first. The full case pool (/console/cases) is another page's work.
 */
export class SearchAccounts extends CollectionQuery {
  constructor(
    meta: ActorMeta,
    readonly text: string,
    readonly limit = 20,
    /** One account by id instead (the payment form's account); the text is then ignored. */
    readonly accountId?: string,
  ) {
    super(meta);
  }
}
