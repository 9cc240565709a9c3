import { ActorMeta, CollectionCommand } from '../domain/collection-command';

export interface RequestApprovalInput {
  readonly caseId: string;
  /** A platform kind (APPROVAL_KINDS) or one the tenant's pack declares (ApprovalPolicy). */
  readonly kind: string;
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
