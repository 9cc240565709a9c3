import { conditionNames as namesOf, holds as judge, type ConditionContext } from '@qingshou/policy';
import type { ConditionData } from './case-facts';

export type { ConditionContext } from '@qingshou/policy';

/**
 * Whether `condition` holds for the case on the date: each condition's TypeScript judge,
 * from its one definition in the pack lib (constructs/conditions/<name>.condition.ts).
 */
export function holds(condition: ConditionData, ctx: ConditionContext): boolean {
  return judge(condition, ctx);
}

/** Every condition name a tree uses, so the loader reads only what the pack needs. */
export function conditionNames(condition: ConditionData | undefined, into = new Set<string>()) {
  return namesOf(condition, into);
}
