import type { ConditionData } from './case-facts';

/** A `groupMetric` condition's measurement, without its bounds: what is computed per group. */
export interface GroupMetricSpec {
  readonly groupType: string;
  readonly metric: string;
  readonly args: Readonly<Record<string, unknown>>;
}

/** Stable JSON with sorted keys, so equal arguments written in any order share one key. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The key one group metric's values are filed under in CaseFacts.groupMetrics. */
export function groupMetricKey(spec: { groupType: string; metric: string; args?: object }): string {
  return canonical({ groupType: spec.groupType, metric: spec.metric, args: spec.args ?? {} });
}

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
