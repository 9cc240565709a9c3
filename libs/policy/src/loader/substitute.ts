import { isRefinable } from '../registry/registry.types';
import { kindsOf } from '../schema/field-decorators';
import { checkLiteral, isParamRef } from '../schema/value-kinds';
import { joinPath, PackProblem } from './problem';
import type { ParamValue } from './params';

function hasRefs(node: Record<string, unknown>): boolean {
  return Object.values(node).some(isParamRef);
}

/**
 * Replaces `{ param: x }` with the parameter's value and normalises literals (percent →
 * decimal string, durations → canonical spelling), depth first; then runs each object's
 * cross-field `refine()` on the result. A value that fits the parameter but not the field
 * (an SLA parameter set to "3d") is reported at the field, naming the parameter.
 */
export function substitute(
  node: unknown,
  path: string,
  values: Readonly<Record<string, ParamValue>>,
  out: PackProblem[],
): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => substitute(item, `${path}[${i}]`, values, out));
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const record = node as Record<string, unknown>;
  const kinds = kindsOf(record);
  for (const [property, { kind, bounds }] of kinds) {
    const value = record[property];
    if (value === undefined || value === null) continue;
    const at = joinPath(path, property);
    if (isParamRef(value)) {
      const given = values[value.param];
      if (given === undefined) continue;
      const check = checkLiteral(kind, given, bounds);
      if (check.ok) record[property] = check.value;
      else
        out.push({
          path: at,
          reason: `${check.reason} (parameter "${value.param}" is ${JSON.stringify(given)})`,
        });
    } else {
      const check = checkLiteral(kind, value, bounds);
      if (check.ok) record[property] = check.value;
    }
  }
  for (const [property, value] of Object.entries(record)) {
    if (typeof value === 'object' && value !== null) {
      substitute(value, joinPath(path, property), values, out);
    }
  }
  if (isRefinable(record) && !hasRefs(record)) {
    for (const problem of record.refine()) {
      out.push({ path: joinPath(path, problem.path), reason: problem.reason });
    }
  }
}
