import { groupMetricKey } from '@qingshou/policy';
import type { ConditionData } from './case-facts';

/** A `groupMetric` condition's measurement, without its bounds: what is computed per group. */
export interface GroupMetricSpec {
  readonly groupType: string;
  readonly metric: string;
  readonly args: Readonly<Record<string, unknown>>;
}

export { groupMetricKey } from '@qingshou/policy';

/**
 * Every distinct group metric the conditions test, so the loader computes each once per
 * chunk — one set-based statement for all groups of the type — not once per case.
 */
export function groupMetricSpecs(conditions: readonly (ConditionData | undefined)[]) {
  const specs = new Map<string, GroupMetricSpec>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (key === 'groupMetric' && value && typeof value === 'object') {
        const a = value as { groupType: string; metric: string; args?: Record<string, unknown> };
        const spec = { groupType: a.groupType, metric: a.metric, args: a.args ?? {} };
        specs.set(groupMetricKey(spec), spec);
      } else if (key === 'all' || key === 'any' || key === 'not') visit(value);
    }
  };
  conditions.forEach(visit);
  return [...specs.values()];
}
