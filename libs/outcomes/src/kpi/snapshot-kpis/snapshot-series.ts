import canonicalize from 'canonicalize';
import type { PackData } from '@qingshou/policy';

export interface Series {
  readonly metric: string;
  readonly args: Record<string, unknown>;
  readonly argsKey: string;
  readonly per: string;
  readonly defaultPeriod?: string;
}

/** The key a metric's arguments are stored under: their canonical JSON ("{}" for none). */
export function argsKey(args: unknown): string {
  return canonicalize(args ?? {}) ?? '{}';
}

/**
 * Every (metric, arguments, breakdown) the pack measures — targets, rating criteria, report
 * metrics — once each, so trends exist for whatever the console may draw.
 */
export function seriesOf(spec: PackData): Series[] {
  const found = new Map<string, Series>();
  const add = (metric: string, args: unknown, pers: readonly string[], period?: string) => {
    const plain = { ...((args ?? {}) as Record<string, unknown>) };
    for (const per of pers) {
      const key = `${metric}|${argsKey(plain)}|${per}`;
      if (!found.has(key)) {
        found.set(key, {
          metric,
          args: plain,
          argsKey: argsKey(plain),
          per,
          defaultPeriod: period,
        });
      }
    }
  };
  spec.targets.forEach((t) => add(t.metric, t.args, t.per, t.period));
  spec.ratings.forEach((r) => r.criteria.forEach((c) => add(c.metric, c.args, [r.groupType])));
  spec.reports.forEach((r) =>
    r.metrics.forEach((m) => add(m.metric, m.args, ['tenant', ...r.per])),
  );
  return [...found.values()];
}
