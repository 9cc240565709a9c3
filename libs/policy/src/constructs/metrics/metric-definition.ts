import { IsOptional } from 'class-validator';
import { OneOf } from '../../schema/rules';
import type { Bilingual, RegistryEntry } from '../../registry/registry.types';
import type { UnitSqlOptions } from '../sql/units.sql';
import type { MetricFacts, MetricScope, MetricUnit } from './metric-facts';

/** Periods a flow metric is measured over, ending on the as-of date. */
export const PERIODS = ['week', 'month', 'quarter', 'year', 'drive'] as const;

export class NoArgs {}

export class PeriodArgs {
  @IsOptional()
  @OneOf(PERIODS)
  period: string = 'year';
}

/**
 * One pack metric, in one place: its arguments and documentation (the registry), its SQL
 * form — a CTE `units(unit_key, debtor_id, account_id, case_id, num, den)`, one row per
 * thing counted, which the KPI calculator sums per group — and its TypeScript form over
 * the same book in memory (metric-facts.ts). Ratios are Σnum ÷ Σden; amounts and counts
 * Σnum. The two forms agree to the fen (test/policy/construct-parity.spec.ts).
 */
export interface MetricEntry<A extends object = object> extends RegistryEntry<A> {
  readonly names: Bilingual;
  readonly unit: 'ratio' | 'amount' | 'count';
  /** Which side of a bound is good; targets and ratings use it to judge met / missed. */
  readonly better: 'lower' | 'higher';
  /** The data the engine needs to compute it. */
  readonly inputs: readonly string[];
}

export interface MetricDefinition<A extends object = object> extends MetricEntry<A> {
  /** The `units` CTE (the statement binds `k`, `acct`, `rec`, `rec_receipt`). */
  sql(o: UnitSqlOptions): string;
  /** The same units over the book in memory. */
  units(facts: MetricFacts, scope: MetricScope): MetricUnit[];
  /** The ledger accounts it reads, of the pack's account types. Default: the loans. */
  accountTypes?(packTypes: readonly string[]): string[];
  /**
   * A denominator that is not in the ledger: the argument that carries it for the tenant,
   * else the manual figure (kpi_inputs) of that input per group.
   */
  readonly plan?: { readonly input: string; readonly arg: string };
  /**
   * A figure the ledger cannot hold, added to the numerator: what the office recovered in the
   * period before the book's first day (kpi_inputs `input`, in force on the as-of date).
   */
  readonly opening?: { readonly input: string };
}

export function defineMetric<A extends object>(
  definition: MetricDefinition<A>,
): MetricDefinition<A> {
  return definition;
}

/** Loans: every pack account type but the contribution plans. */
export function loanTypes(packTypes: readonly string[]): string[] {
  return packTypes.filter((t) => t !== 'employer-contribution');
}

/** Contact outcomes that mean someone was reached (联系成功), of CONTACT_OUTCOMES. */
export const REACHED_OUTCOMES = ['reached', 'promised-to-pay', 'refused', 'stalling', 'disputed'];
