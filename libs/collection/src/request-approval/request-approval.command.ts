import { ActorMeta, CollectionCommand } from '../domain/collection-command';
import type { ApprovalKind } from '../domain/vocabulary';

export interface RequestApprovalInput {
  readonly caseId: string;
  readonly kind: ApprovalKind;
  /** What is asked for: a visit plan (when, where, who, vehicle — 篇一 第三步), an extension date… */
  readonly payload?: Record<string, unknown>;
  readonly reason?: string;
}

export class RequestApproval extends CollectionCommand {
  constructor(
    meta: ActorMeta,
    readonly input: RequestApprovalInput,
  ) {
    super(meta);
  }
}

export interface RequestApprovalResult {
  readonly id: string;
  readonly approverRole: string;
}
