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
