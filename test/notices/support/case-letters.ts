/**
 * A case's letters among a pack's templates: the 分期还款协议书 needs a repayment plan's figures
 * and is printed from the plan panel (test/console/plan-panel.spec.ts renders it with a plan),
 * so it is not previewed bare like the others.
 */
export function caseLetters<T extends { required: readonly string[] }>(
  templates: Record<string, T>,
): Record<string, T> {
  return Object.fromEntries(
    Object.entries(templates).filter(([, t]) => !t.required.some((f) => f.startsWith('plan.'))),
  );
}
