import { ConflictError, ForbiddenError } from '@qingshou/core';
import type { Viewer } from '../domain/collection-command';
import { PlanRules, type PlanRulesView } from '../ports/plan-rules';

/** The tenant's plan rules, refusing when its pack agrees no plans or the role may not agree one. */
export async function planRulesFor(
  port: PlanRules,
  tenantId: string,
  viewer: Viewer,
): Promise<PlanRulesView> {
  const rules = await port.rulesFor(tenantId);
  if (!rules) throw new ConflictError('The policy pack of this tenant agrees no repayment plans');
  const roles: readonly string[] = viewer.roles;
  if (!roles.some((r) => rules.agreeRoles.includes(r) || r === 'tenant-admin')) {
    throw new ForbiddenError(
      `Only ${rules.agreeRoles.join(', ')} may agree repayment plans under this pack`,
    );
  }
  return rules;
}
