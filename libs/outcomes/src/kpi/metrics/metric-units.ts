import { metricAccountTypes, metricDefinition, type UnitSqlOptions } from '@qingshou/policy';

/**
 * Each metric as a CTE `units(unit_key, debtor_id, account_id, case_id, num, den)`: one row
 * per thing counted, with its share of the numerator and denominator. The breakdown
 * (dimensions.sql.ts) then sums units per group, so one definition serves the tenant, every
 * village and every collector alike. The SQL forms live with each metric's one definition
 * in the pack lib (constructs/metrics/<name>.metric.ts), beside its TypeScript form.
 */
export type UnitOptions = UnitSqlOptions;

export function unitsSql(metric: string, options: UnitOptions): string {
  const definition = metricDefinition(metric);
  if (!definition) throw new Error(`metric ${metric} has no SQL definition`);
  return definition.sql(options);
}

/** Which ledger accounts a metric reads: loans, contributions, or housing-fund loans. */
export function accountTypesFor(metric: string, packTypes: readonly string[]): string[] {
  return metricAccountTypes(metric, packTypes);
}
