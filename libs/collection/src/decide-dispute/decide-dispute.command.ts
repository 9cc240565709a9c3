import { ActorMeta, CollectionCommand } from '../domain/collection-command';
import type { DisputeOutcome } from '../domain/disputes';

export interface DecideDisputeInput {
  readonly caseId: string;
  readonly disputeId: string;
  readonly outcome: DisputeOutcome;
  readonly note?: string;
  /** What should change when upheld (核减金额, 更正身份 …); the ledger is corrected apart. */
  readonly adjustmentHint?: string;
}

/** The named role's decision; the account's days count again from today. */
export class DecideDispute extends CollectionCommand {
  constructor(
    meta: ActorMeta,
    readonly input: DecideDisputeInput,
  ) {
    super(meta);
  }
}
