import { Injectable } from '@nestjs/common';
import {
  APPROVAL_KINDS,
  ApprovalPolicy,
  ApprovalRequestContext,
  DEFAULT_APPROVER_ROLES,
  isPlatformApprovalKind,
  UnknownApprovalKindError,
} from '@qingshou/collection';
import { isRole, Role } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { PinnedPacks } from '../run/pinned-packs';

/**
 * The ApprovalPolicy port from the pinned pack. A tenant may ask for the kinds its pack
 * declares (`approvals`: 对账 ar-reconciliation, 走访方案 visit-plan, 公开曝光 publish-list…)
 * and the platform's own kinds; anything else is refused at `kind`, naming the known ones.
 * The approver is the role the pack declares for the kind (a pack role read as its platform
 * role), else the seeds' default, else the manager.
 */
@Injectable()
export class PackApprovalPolicy extends ApprovalPolicy {
  constructor(
    private readonly tx: TenantTx,
    private readonly packs: PinnedPacks,
  ) {
    super();
  }

  async approverRole(request: ApprovalRequestContext): Promise<Role> {
    const view = await this.tx.run(request.tenantId, (em) =>
      this.packs.active(em, request.tenantId),
    );
    if (!view) {
      if (isPlatformApprovalKind(request.kind)) return DEFAULT_APPROVER_ROLES[request.kind];
      throw new UnknownApprovalKindError(request.kind, APPROVAL_KINDS, 'the platform');
    }
    const declared = view.pack.spec.approvals.map((a) => a.kind);
    if (!declared.includes(request.kind) && !isPlatformApprovalKind(request.kind)) {
      throw new UnknownApprovalKindError(
        request.kind,
        [...new Set([...declared, ...APPROVAL_KINDS])],
        `pack ${view.ref}`,
      );
    }
    const role = view.approverRole(request.kind);
    return isRole(role) ? role : 'manager';
  }
}
