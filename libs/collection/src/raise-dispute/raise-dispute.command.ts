import { ActorMeta, CollectionCommand } from '../domain/collection-command';
import type { DisputeKind, DisputeParty } from '../domain/disputes';
import type { UploadedFile } from '../log-contact/log-contact.command';

export interface RaiseDisputeInput {
  readonly caseId: string;
  /** One account of the case: only its days stop counting (unless the pack pauses the case). */
  readonly accountId: string;
  readonly kind: DisputeKind;
  /** Who disputes: the debtor (told to the collector) or the collector who found it. */
  readonly raisedBy?: DisputeParty;
  readonly note?: string;
  /** The documents (receipt of payment, ID copy …), stored as the case's attachments. */
  readonly files?: readonly UploadedFile[];
}

/** 异议: the disputed account's escalation waits for the decision of the role the pack names. */
export class RaiseDispute extends CollectionCommand {
  constructor(
    meta: ActorMeta,
    readonly input: RaiseDisputeInput,
  ) {
    super(meta);
  }
}

export interface RaiseDisputeResult {
  readonly id: string;
  readonly decidedByRole: string;
  readonly dueOn: string | null;
  readonly attachmentIds: readonly string[];
}
