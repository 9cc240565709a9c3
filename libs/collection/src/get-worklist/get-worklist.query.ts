import { ActorMeta, CollectionQuery } from '../domain/collection-command';

/**
 * My open tasks due today or overdue, in the tenant's time zone, highest priority first
 * (篇八: the collector starts from the system's prompts each day).
 */
export class GetWorklist extends CollectionQuery {
  constructor(
    meta: ActorMeta,
    readonly cursor?: string,
    readonly limit?: number,
  ) {
    super(meta);
  }
}
