import { CONDITION_DEFINITIONS } from '../constructs/conditions';

/**
 * CONDITIONS: what a `when` may test. A condition is an object whose keys are entry names
 * (several keys = all must hold) or the combinators `all`, `any`, `not`. Closed: a test the
 * engine cannot evaluate is a platform change, never code in a pack. Each entry is the
 * condition's one definition (constructs/conditions/<name>.condition.ts): arguments, docs,
 * facts, TypeScript judge and SQL form.
 */
export const CONDITIONS = CONDITION_DEFINITIONS;

export type ConditionName = keyof typeof CONDITIONS;
export const CONDITION_NAMES = Object.keys(CONDITIONS) as ConditionName[];
export const COMBINATORS = ['all', 'any', 'not'] as const;

type ArgsOf<E> = E extends { args: new () => infer A } ? A : never;

/**
 * A parsed condition: registry keys with their argument objects, all of which must hold,
 * plus combinators. `{}` never appears: a condition tests at least one thing.
 */
export type ConditionSpec = { [K in ConditionName]?: ArgsOf<(typeof CONDITIONS)[K]> } & {
  all?: ConditionSpec[];
  any?: ConditionSpec[];
  not?: ConditionSpec;
};
