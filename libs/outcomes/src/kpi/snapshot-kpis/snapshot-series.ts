import canonicalize from 'canonicalize';
import type { PackData } from '@qingshou/policy';
import { isAssessment } from '../get-assessment/get-assessment.query';

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
 * metrics — once each, so trends exist for whatever the console may draw. The first to name
 * a combination sets its period: a target's own, then the year. The dashboard and the year's
 * assessment read these rows (SnapshotFigures), so an assessment report's targets are kept per
 * the report's breakdowns too (GetAssessment judges them per school, cohort…).
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
  for (const report of spec.reports.filter(isAssessment)) {
    const targets = spec.targets.filter((t) => report.targets.includes(t.id));
    const tenant = targets.some((t) => t.per.includes('tenant')) ? ['tenant'] : [];
    targets.forEach((t) => add(t.metric, t.args, [...tenant, ...report.per], t.period));
  }
  spec.ratings.forEach((r) => r.criteria.forEach((c) => add(c.metric, c.args, [r.groupType])));
  spec.reports.forEach((r) =>
    r.metrics.forEach((m) => add(m.metric, m.args, ['tenant', ...r.per])),
  );
  return [...found.values()];
}
