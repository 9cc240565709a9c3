import { plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';
import { ACTION_NAMES, ACTIONS, ActionName } from '../registry/actions';
import { COMBINATORS, CONDITION_NAMES, CONDITIONS, ConditionName } from '../registry/conditions';
import { METRICS, MetricName } from '../registry/metrics';
import { isPlainObject, RegistryEntry } from '../registry/registry.types';
import { markersOf } from '../schema/field-decorators';
import { joinPath, PackProblem } from './problem';

const OPTIONS = {
  whitelist: true,
  forbidNonWhitelisted: true,
  // Off: an argument class with no fields (nplRatio) must still refuse unknown fields via
  // whitelist, which the unknown-value check would pre-empt with a vaguer message.
  forbidUnknownValues: false,
  validationError: { target: false, value: false },
} as const;

/** Constraints whose messages are written for packs already (never prefixed by the field). */
const OWN_MESSAGES = /^(valueOrParam|refTo)/;

/** class-validator errors → problems with `a.b[2].c` paths and reasons that do not repeat the field. */
export function flattenErrors(errors: ValidationError[], parent: string): PackProblem[] {
  return errors.flatMap((error) => {
    const path = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : joinPath(parent, error.property);
    const own = Object.entries(error.constraints ?? {}).map(([name, message]) => ({
      path,
      reason:
        name === 'whitelistValidation'
          ? 'is not a known field'
          : !OWN_MESSAGES.test(name) && message.startsWith(`${error.property} `)
            ? message.slice(error.property.length + 1)
            : message,
    }));
    return own.concat(flattenErrors(error.children ?? [], path));
  });
}

/** Validates one class instance (static shape, references) under the current context. */
export function validateInstance(instance: object, path: string): PackProblem[] {
  return flattenErrors(validateSync(instance, OPTIONS), path);
}

function parseArgs(
  entry: RegistryEntry,
  value: unknown,
  path: string,
  out: PackProblem[],
): unknown {
  const normalized = entry.normalize ? entry.normalize(value) : value;
  if (!isPlainObject(normalized)) {
    out.push({ path, reason: `must be an object, e.g. ${entry.example.split('   #')[0]}` });
    return value;
  }
  const instance = plainToInstance(entry.args, normalized);
  const wrapped = entry.scalarProperty !== undefined && normalized !== value;
  const scalarPath = joinPath(path, entry.scalarProperty ?? '');
  for (const problem of validateInstance(instance, path)) {
    out.push(wrapped && problem.path === scalarPath ? { ...problem, path } : problem);
  }
  parseDynamicFields(instance, path, out);
  return instance;
}

export function parseCondition(raw: unknown, path: string, out: PackProblem[]): unknown {
  if (!isPlainObject(raw) || Object.keys(raw).length === 0) {
    out.push({ path, reason: 'must be a condition object, e.g. { dpd: { min: 1 } }' });
    return raw;
  }
  const node: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const at = joinPath(path, key);
    if (key === 'all' || key === 'any') {
      if (!Array.isArray(value) || value.length === 0) {
        out.push({ path: at, reason: 'must be a non-empty list of conditions' });
      } else {
        node[key] = value.map((c, i) => parseCondition(c, `${at}[${i}]`, out));
      }
    } else if (key === 'not') {
      node.not = parseCondition(value, at, out);
    } else if (key in CONDITIONS) {
      node[key] = parseArgs(CONDITIONS[key as ConditionName], value, at, out);
    } else {
      const known = [...CONDITION_NAMES, ...COMBINATORS].join(', ');
      out.push({ path: at, reason: `unknown condition "${key}" (known: ${known})` });
    }
  }
  return node;
}

export function parseActions(
  raw: unknown,
  path: string,
  allowed: readonly string[] | undefined,
  out: PackProblem[],
): unknown {
  if (!Array.isArray(raw)) {
    out.push({ path, reason: 'must be a list of actions, e.g. [{ task: call }]' });
    return raw;
  }
  return raw.map((item, i) => {
    const at = `${path}[${i}]`;
    const keys = isPlainObject(item) ? Object.keys(item) : [];
    if (!isPlainObject(item) || keys.length !== 1) {
      const found = keys.length ? `; found ${keys.join(', ')}` : '';
      out.push({
        path: at,
        reason: `an action names exactly one of: ${ACTION_NAMES.join(', ')}${found}`,
      });
      return item;
    }
    const name = keys[0];
    const at2 = joinPath(at, name);
    if (!(name in ACTIONS)) {
      out.push({
        path: at2,
        reason: `unknown action "${name}" (known: ${ACTION_NAMES.join(', ')})`,
      });
      return item;
    }
    if (allowed && !allowed.includes(name)) {
      out.push({ path: at2, reason: `not allowed here (only ${allowed.join(', ')})` });
      return item;
    }
    return { [name]: parseArgs(ACTIONS[name as ActionName], item[name], at2, out) };
  });
}

/**
 * Turns the registry-typed fields of an instance (conditions, action lists, metric
 * arguments) into typed objects, recursing through the whole pack.
 */
export function parseDynamicFields(node: object, path: string, out: PackProblem[]): void {
  const record = node as Record<string, unknown>;
  const markers = markersOf(node);
  for (const [property, marker] of markers) {
    const value = record[property];
    const at = joinPath(path, property);
    if (marker.type === 'metricArgs') {
      const metric = record[marker.metricProperty];
      const entry = typeof metric === 'string' ? METRICS[metric as MetricName] : undefined;
      if (entry) record[property] = parseArgs(entry, value ?? {}, at, out);
    } else if (value === undefined) {
      continue;
    } else if (marker.type === 'condition') {
      record[property] = parseCondition(value, at, out);
    } else {
      record[property] = parseActions(value, at, marker.allowed, out);
    }
  }
  for (const [property, value] of Object.entries(record)) {
    if (markers.has(property)) continue;
    const at = joinPath(path, property);
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        if (typeof item === 'object' && item !== null) parseDynamicFields(item, `${at}[${i}]`, out);
      });
    } else if (typeof value === 'object' && value !== null && value.constructor !== Object) {
      parseDynamicFields(value, at, out);
    }
  }
}
