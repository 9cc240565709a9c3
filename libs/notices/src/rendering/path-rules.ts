/**
 * Which field paths a template or its front matter may name. A path is identifiers joined
 * by dots (`debtor.name`, `amounts.totalDue`). No segment may name a member of
 * Object.prototype or `prototype`: handlebars' runtime already refuses inherited members,
 * but an own key called `__proto__` (which JSON.parse creates) would still be reachable, and
 * no notice has a reason to print one. Refusing them by name keeps the rule obvious.
 */
export const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

export const FORBIDDEN_SEGMENTS: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  'prototype',
]);

/** The first forbidden segment of a dotted path, if any. */
export function forbiddenSegment(segments: readonly string[]): string | undefined {
  return segments.find((segment) => FORBIDDEN_SEGMENTS.has(segment));
}
