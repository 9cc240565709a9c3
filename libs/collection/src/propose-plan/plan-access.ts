import { ConflictError, ForbiddenError } from '@qingshou/core';
import type { Viewer } from '../domain/collection-command';
import type { PlanRulesView } from '../ports/plan-rules';

/**
 * The tenant's plan rules, refusing when its pack agrees no plans or the role may not agree
 * one. Called after the case is loaded, so a case the caller may not see is 404 first; the
 * rules are read before the command's transaction (the port opens its own).
 */
export function checkPlanRules(rules: PlanRulesView | null, viewer: Viewer): PlanRulesView {
  if (!rules) throw new ConflictError('The policy pack of this tenant agrees no repayment plans');
  const roles: readonly string[] = viewer.roles;
  // The system viewer: jobs, and the debtor's own page, whose handler decided access first.
  if (!viewer.system && !roles.some((r) => rules.agreeRoles.includes(r) || r === 'tenant-admin')) {
    throw new ForbiddenError(
      `Only ${rules.agreeRoles.join(', ')} may agree repayment plans under this pack`,
    );
  }
  return rules;
}
