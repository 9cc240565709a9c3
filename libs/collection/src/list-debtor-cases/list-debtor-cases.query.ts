import { ActorMeta, CollectionQuery } from '../domain/collection-command';

/** A debtor's cases, open and closed, that the caller may see. */
export class ListDebtorCases extends CollectionQuery {
  constructor(
    meta: ActorMeta,
    readonly debtorId: string,
    readonly cursor?: string,
    readonly limit?: number,
  ) {
    super(meta);
  }
}
