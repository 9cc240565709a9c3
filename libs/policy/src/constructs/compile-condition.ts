import { isUndecidable, type ConditionDefinition } from './condition-definition';
import { CONDITION_DEFINITIONS } from './conditions';
import { Unsafe } from './sql/sql-values';
import type { SqlConditionContext } from './sql/subject-row';

/**
 * A pack condition as one SQL boolean over a subject row `s` and the parameter row `k`
 * (sql/subject-row.ts), by each condition's SQL form, so flags, drive scopes and lists are
 * chosen set-based for the whole portfolio, debtors without a case included.
 *
 * Three-valued, as the pack means it: every decided term is true or false — a debtor with
 * no promise at all has no pending promise, so `not: { promise: pending }` holds — and an
 * undecided term (a condition whose definition is Undecidable, or a value that failed its
 * check) is SQL NULL, which `not` keeps unknown and `problems` reports. Callers select
 * rows where the whole condition IS TRUE, so an unknown never sets a flag nor clears one.
 */
export interface CompiledCondition {
  readonly sql: string;
  readonly problems: readonly string[];
}

export type ConditionOptions = SqlConditionContext;

type Args = Record<string, unknown>;
const DEFINITIONS: Readonly<Record<string, ConditionDefinition<object>>> = CONDITION_DEFINITIONS;

function term(name: string, args: Args, o: ConditionOptions): string {
  if (!Object.prototype.hasOwnProperty.call(DEFINITIONS, name)) {
    throw new Unsafe(`condition "${name}" is not in this platform's registry`);
  }
  const form = DEFINITIONS[name].sql;
  if (isUndecidable(form)) throw new Unsafe(form.undecidable);
  return form(args, o);
}

function compileNode(node: Args, o: ConditionOptions, problems: string[]): string {
  const parts = Object.entries(node).map(([key, value]) => {
    if (key === 'all' || key === 'any') {
      const joined = (value as Args[]).map((c) => compileNode(c, o, problems));
      return `(${joined.join(key === 'all' ? ' and ' : ' or ') || 'true'})`;
    }
    if (key === 'not') return `(not ${compileNode(value as Args, o, problems)})`;
    try {
      // A decided term with nothing to look at (no promise, no case, no event) is false.
      return `coalesce((${term(key, (value ?? {}) as Args, o)}), false)`;
    } catch (error) {
      if (!(error instanceof Unsafe)) throw error;
      problems.push(`${key}: ${error.message}`);
      return '(null::boolean)';
    }
  });
  return parts.length ? `(${parts.join(' and ')})` : 'true';
}

export function compileCondition(condition: unknown, options: ConditionOptions): CompiledCondition {
  const problems: string[] = [];
  const sql = compileNode((condition ?? {}) as Args, options, problems);
  return { sql, problems };
}
