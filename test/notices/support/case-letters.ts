import { caseLetterTemplates } from '@qingshou/policy';

/**
 * A case's letters among a pack's templates, by their declared purpose: the 分期还款协议书
 * (`purpose: plan-agreement`) needs a repayment plan's figures and is printed from the plan
 * panel (test/console/plan-panel.spec.ts renders it with a plan), so it is not previewed bare
 * like the others.
 */
export function caseLetters<T extends { readonly purpose?: 'plan-agreement' }>(
  templates: Record<string, T>,
): Record<string, T> {
  return caseLetterTemplates(templates);
}
