import { ActorMeta, CollectionCommand } from '../domain/collection-command';

/**
 * The debtor signed the plan (分期还款协议): it goes live today. A plan that needed the
 * approver's yes waits for it. Where the pack says so, the ladder pauses until the last
 * instalment's grace ends; a broken plan ends the pause early.
 */
export class AgreePlan extends CollectionCommand {
  constructor(
    meta: ActorMeta,
    readonly planId: string,
  ) {
    super(meta);
  }
}
