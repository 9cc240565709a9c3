import { Injectable } from '@nestjs/common';
import {
  ApprovalPolicy,
  ApprovalRequestContext,
  DEFAULT_APPROVER_ROLES,
} from '@qingshou/collection';
import { isRole, Role } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { PinnedPacks } from '../run/pinned-packs';

/**
 * The ApprovalPolicy port from the pinned pack: the role its `approvals` declares for the
 * kind (a pack role read as its platform role), else the seeds' defaults.
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
    const role = view ? view.approverRole(request.kind) : DEFAULT_APPROVER_ROLES[request.kind];
    return isRole(role) ? role : 'manager';
  }
}
