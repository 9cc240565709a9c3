import { ACTION_DEFINITIONS } from '../constructs/actions';

/**
 * ACTIONS: what a stage, rule, routine, reminder or drive phase does. Each action is an
 * object with exactly one of these keys. Closed: a new kind of action is a platform change.
 * Each entry is the action's definition (constructs/actions/<name>.action.ts).
 */
export const ACTIONS = ACTION_DEFINITIONS;

export type ActionName = keyof typeof ACTIONS;
export const ACTION_NAMES = Object.keys(ACTIONS) as ActionName[];

type ArgsOf<E> = E extends { args: new () => infer A } ? A : never;

/** A parsed action: exactly one key. */
export type ActionSpec = {
  [K in ActionName]: { [P in K]: ArgsOf<(typeof ACTIONS)[K]> };
}[ActionName];
