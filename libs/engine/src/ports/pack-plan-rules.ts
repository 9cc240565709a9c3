import { Injectable } from '@nestjs/common';
import { PlanRules, type PlanRulesView } from '@qingshou/collection';
import { isRole } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { PinnedPacks } from '../run/pinned-packs';

/** The PlanRules port from the pinned pack's `plans:` block; none without one. */
@Injectable()
export class PackPlanRules extends PlanRules {
  constructor(
    private readonly tx: TenantTx,
    private readonly packs: PinnedPacks,
  ) {
    super();
  }

  async rulesFor(tenantId: string): Promise<PlanRulesView | null> {
    const view = await this.tx.run(tenantId, (em) => this.packs.active(em, tenantId));
    const plans = view?.pack.spec.plans;
    if (!plans) return null;
    return {
      minDownPaymentShare: plans.minDownPaymentShare,
      maxInstalments: plans.maxInstalments,
      maxTermMonths: plans.maxTermMonths,
      minInstalment: plans.minInstalment,
      graceDays: plans.graceDays,
      approvalAbove: plans.approvalAbove ?? null,
      approverRole: isRole(plans.approverRole) ? plans.approverRole : 'manager',
      agreeRoles: plans.agreeRoles,
      maxPenaltyWaiverShare: plans.maxPenaltyWaiverShare,
      whileKept: plans.whileKept,
      withdrawWaiverOnBreak: plans.withdrawWaiverOnBreak,
    };
  }
}
