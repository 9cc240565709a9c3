import { ActorMeta, CollectionCommand } from '../domain/collection-command';
import type { ApprovalDecision } from '../domain/vocabulary';

export class DecideApproval extends CollectionCommand {
  constructor(
    meta: ActorMeta,
    readonly approvalId: string,
    readonly decision: ApprovalDecision,
    readonly note?: string,
  ) {
    super(meta);
  }
}
