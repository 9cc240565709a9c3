import { ActorMeta, CollectionQuery } from '../domain/collection-command';
import type { ApprovalStatus } from '../domain/vocabulary';

/**
 * Approvals for the caller's roles (a manager: all), on cases the caller may see; by
 * default those still waiting. Oldest request first: it has waited longest.
 */
export class ListApprovals extends CollectionQuery {
  constructor(
    meta: ActorMeta,
    readonly status: ApprovalStatus = 'pending',
    readonly cursor?: string,
    readonly limit?: number,
  ) {
    super(meta);
  }
}
