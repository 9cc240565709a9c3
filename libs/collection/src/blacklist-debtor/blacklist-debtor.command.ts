import { ActorMeta, CollectionCommand } from '../domain/collection-command';

/**
 * 篇六: a long-overdue client goes on the blacklist once collected, never lent to again.
 * Sent from a case so the visibility rule applies and the reason has its context.
 */
export class BlacklistDebtor extends CollectionCommand {
  constructor(
    meta: ActorMeta,
    readonly caseId: string,
    readonly reason: string,
  ) {
    super(meta);
  }
}
