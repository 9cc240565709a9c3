import type { ConditionContext } from './case-facts';
import type { ConditionDefinition } from './condition-definition';
import { CONDITION_DEFINITIONS } from './conditions';

const DEFINITIONS: Readonly<Record<string, ConditionDefinition<object>>> = CONDITION_DEFINITIONS;

const definitionOf = (key: string): ConditionDefinition<object> | undefined =>
  Object.prototype.hasOwnProperty.call(DEFINITIONS, key) ? DEFINITIONS[key] : undefined;

/**
 * Whether a condition tree holds for the case on the date, by each condition's TypeScript
 * judge. Several keys in one object must all hold; `all`/`any`/`not` combine. A key the
 * platform does not know never holds: the registry is closed, so that only happens with a
 * snapshot from a newer platform.
 */
export function holds(condition: object, ctx: ConditionContext): boolean {
  for (const [key, args] of Object.entries(condition as Record<string, unknown>)) {
    if (args === undefined) continue;
    if (key === 'all') {
      if (!(args as object[]).every((c) => holds(c, ctx))) return false;
    } else if (key === 'any') {
      if (!(args as object[]).some((c) => holds(c, ctx))) return false;
    } else if (key === 'not') {
      if (holds(args as object, ctx)) return false;
    } else {
      const definition = definitionOf(key);
      if (!definition || !definition.judge(args as object, ctx)) return false;
    }
  }
  return true;
}

/**
 * Every condition name a tree uses, plus each definition's extra needs (`event:<name>`,
 * `attribute:<key>`), so the engine's loader reads only what the pack tests.
 */
export function conditionNames(condition: object | undefined, into = new Set<string>()) {
  if (!condition) return into;
  for (const [key, args] of Object.entries(condition as Record<string, unknown>)) {
    if (key === 'all' || key === 'any') {
      (args as object[]).forEach((c) => conditionNames(c, into));
    } else if (key === 'not') {
      conditionNames(args as object, into);
    } else {
      into.add(key);
      const needs = definitionOf(key)?.needs;
      if (needs && args) needs(args as object).forEach((n) => into.add(n));
    }
  }
  return into;
}
