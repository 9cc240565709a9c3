import { Injectable } from '@nestjs/common';
import type { Role } from '@qingshou/core';

/** A tenant's repayment-plan rules as its pinned pack states them (policy `plans:`). */
export interface PlanRulesView {
  /** Shares and amounts are decimal strings: no float reaches money code. */
  readonly minDownPaymentShare: string;
  readonly maxInstalments: number;
  readonly maxTermMonths: number;
  readonly minInstalment: string;
  readonly graceDays: number;
  readonly approvalAbove: string | null;
  readonly approverRole: Role;
  readonly agreeRoles: readonly string[];
  readonly maxPenaltyWaiverShare: string;
  readonly whileKept: 'pause-ladder' | 'none';
  readonly withdrawWaiverOnBreak: boolean;
}

/**
 * PORT. Which plans a tenant may agree is the pack's call; the policy engine above this lib
 * provides it. Without a provider — or a pack without `plans:` — there are no rules, and
 * proposing a plan is refused (fail closed).
 */
export abstract class PlanRules {
  abstract rulesFor(tenantId: string): Promise<PlanRulesView | null>;
}

@Injectable()
export class NoPlanRules extends PlanRules {
  async rulesFor(): Promise<PlanRulesView | null> {
    return null;
  }
}
