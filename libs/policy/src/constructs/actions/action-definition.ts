import {
  isPlainObject,
  wrapShorthand,
  type RegistryEntry,
  type RelativeProblem,
} from '../../registry/registry.types';
import type { ApprovalRef } from '../../schema/common.schema';
import { validationContext } from '../../schema/validation-context';

/**
 * One pack action, in one place: its arguments, documentation and shorthand. What an
 * action does to a case is the engine's (libs/engine apply/action-rows.ts, rules, routines):
 * it writes through collection's and notices' commands, which the pack lib sits below.
 */
export type ActionDefinition<A extends object = object> = RegistryEntry<A>;

export function defineAction<A extends object>(
  definition: ActionDefinition<A>,
): ActionDefinition<A> {
  return definition;
}

/** `ask: pay` alone, `{}`, `true` or nothing: the arguments object (defaults apply). */
export const emptyShorthand = (value: unknown) =>
  value === true || value === null || value === undefined ? {} : value;

export { isPlainObject, wrapShorthand };

/** An approval must name who approves, here or in the pack's `approvals` list. */
export function approverProblems(ref: ApprovalRef, path: string): RelativeProblem[] {
  if (ref.by) return [];
  if (ref.kind && validationContext()?.approvalKindsWithApprover.has(ref.kind)) return [];
  return [
    {
      path: path ? `${path}.by` : 'by',
      reason: ref.kind
        ? `approval "${ref.kind}" is not declared under approvals; say who approves`
        : 'say who approves (by) or name a kind declared under approvals',
    },
  ];
}
