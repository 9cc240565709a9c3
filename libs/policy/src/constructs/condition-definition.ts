import type { RegistryEntry } from '../registry/registry.types';
import type { CaseFacts, ConditionContext } from './case-facts';
import type { SqlConditionContext } from './sql/subject-row';

/** The set-based (SQL) path cannot decide the condition: the reason, for the report. */
export interface Undecidable {
  readonly undecidable: string;
}

/**
 * A condition's SQL form. Declared as a method so a definition of specific arguments is one
 * of definitions of any arguments (the dispatcher hands each its own arguments).
 */
export type SqlForm<A> = { form(args: A, ctx: SqlConditionContext): string }['form'];

/**
 * One pack condition, in one place: its arguments and documentation (what the registry
 * lists and the validator checks), the case facts it reads, its TypeScript judge (the
 * engine's ladder and rules) and its SQL form (flags, drive scopes and lists, set-based).
 * The two forms must agree subject by subject (test/policy/construct-parity.spec.ts).
 */
export interface ConditionDefinition<A extends object = object> extends RegistryEntry<A> {
  /** The CaseFacts fields the judge reads. */
  readonly facts: readonly (keyof CaseFacts)[];
  /** Loader needs beyond the condition's name (`event:<name>`, `attribute:<key>`). */
  needs?(args: A): readonly string[];
  /** Whether the condition holds for the case on the date; reads only `ctx`. */
  judge(args: A, ctx: ConditionContext): boolean;
  /**
   * A SQL boolean over the subject row `s` and the parameter row `k` (sql/subject-row.ts).
   * Throws Unsafe (sql/sql-values.ts) when a value fails its check; an Undecidable when the
   * set-based path cannot judge the condition at all.
   */
  readonly sql: SqlForm<A> | Undecidable;
}

/** Keeps the argument class's type on the definition (ConditionSpec reads it). */
export function defineCondition<A extends object>(
  definition: ConditionDefinition<A>,
): ConditionDefinition<A> {
  return definition;
}

export function isUndecidable(sql: ConditionDefinition['sql']): sql is Undecidable {
  return typeof sql !== 'function';
}
