import { isLocalDate } from '@qingshou/calendar';
import Decimal from 'decimal.js';
import { durationProblem, formatDuration, parseDuration } from '../registry/durations';

export const PARAMETER_TYPES = [
  'integer',
  'decimal',
  'percent',
  'date',
  'duration',
  'boolean',
  'string',
  'enum',
] as const;
export type ParameterType = (typeof PARAMETER_TYPES)[number];

/**
 * What a parameterisable field holds. `number` is a bound that may be a count, an amount
 * or a ratio (target bounds); `workingDuration` is an SLA.
 */
export type FieldKind =
  | 'integer'
  | 'decimal'
  | 'percent'
  | 'number'
  | 'date'
  | 'duration'
  | 'workingDuration'
  | 'boolean'
  | 'string';

/** Which parameter types may feed a field of each kind. */
export const ACCEPTED_PARAMETER_TYPES: Readonly<Record<FieldKind, readonly ParameterType[]>> = {
  integer: ['integer'],
  decimal: ['decimal', 'integer'],
  percent: ['percent'],
  number: ['integer', 'decimal', 'percent'],
  date: ['date'],
  duration: ['duration'],
  workingDuration: ['duration'],
  boolean: ['boolean'],
  string: ['string', 'enum'],
};

/** A reference to a declared parameter: `{ param: amnestyDate }`. The one syntax packs use. */
export interface ParamRef {
  readonly param: string;
}

export function isParamRef(value: unknown): value is ParamRef {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.prototype.hasOwnProperty.call(value, 'param')
  );
}

/** Authors coming from templates write "{{params.x}}"; say which syntax packs use instead. */
export function templateStyleRef(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = /^\{\{\s*params\.([A-Za-z0-9_]+)\s*\}\}$/.exec(value.trim());
  return match ? match[1] : null;
}

export interface Bounds {
  readonly min?: number | string;
  readonly max?: number | string;
}

export type LiteralCheck =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string };

const DECIMAL = /^-?\d+(\.\d+)?$/;
const PERCENT = /^(-?\d+(?:\.\d+)?)\s*%$/;

function decimalOf(value: unknown): Decimal | null {
  if (typeof value === 'number' && Number.isFinite(value) && DECIMAL.test(String(value))) {
    return new Decimal(String(value));
  }
  if (typeof value === 'string' && DECIMAL.test(value.trim())) return new Decimal(value.trim());
  return null;
}

/** '5%' → 0.05; 0.05 → 0.05. Percent values are carried as fractions in decimal strings. */
function percentOf(value: unknown): Decimal | null {
  if (typeof value === 'string') {
    const match = PERCENT.exec(value.trim());
    if (match) return new Decimal(match[1]).div(100);
  }
  return decimalOf(value);
}

function bounded(value: Decimal, bounds: Bounds): string | null {
  const min = bounds.min === undefined ? null : percentOf(bounds.min);
  const max = bounds.max === undefined ? null : percentOf(bounds.max);
  if (min && value.lt(min)) return `must be ≥ ${min.toFixed()}`;
  if (max && value.gt(max)) return `must be ≤ ${max.toFixed()}`;
  return null;
}

/**
 * Checks a literal (not a parameter reference) for a field kind and returns it normalised:
 * decimals and percents become decimal strings (no floats reach money code), durations
 * their canonical spelling.
 */
export function checkLiteral(kind: FieldKind, value: unknown, bounds: Bounds = {}): LiteralCheck {
  const fail = (reason: string): LiteralCheck => ({ ok: false, reason });
  switch (kind) {
    case 'integer': {
      if (typeof value !== 'number' || !Number.isInteger(value)) return fail('must be an integer');
      const problem = bounded(new Decimal(value), bounds);
      return problem ? fail(problem) : { ok: true, value };
    }
    case 'decimal':
    case 'number':
    case 'percent': {
      const parsed = kind === 'decimal' ? decimalOf(value) : percentOf(value);
      if (!parsed) {
        return fail(
          kind === 'decimal'
            ? 'must be a decimal number like 1234.50'
            : 'must be a number like 0.05 or a percentage like "5%"',
        );
      }
      const problem = bounded(parsed, bounds);
      if (problem) return fail(problem);
      // An amount keeps the author's scale ("2000.00"); a ratio is written out in full.
      const text =
        kind === 'decimal' && typeof value === 'string' ? value.trim() : parsed.toFixed();
      return { ok: true, value: text };
    }
    case 'date': {
      if (!isLocalDate(value)) return fail('must be a date written YYYY-MM-DD');
      const date = value as string;
      if (bounds.min !== undefined && date < String(bounds.min))
        return fail(`must be on or after ${String(bounds.min)}`);
      if (bounds.max !== undefined && date > String(bounds.max))
        return fail(`must be on or before ${String(bounds.max)}`);
      return { ok: true, value: date };
    }
    case 'duration':
    case 'workingDuration': {
      if (typeof value !== 'string')
        return fail('must be a duration like "2 working hours" or "3d"');
      const problem = durationProblem(value, kind === 'workingDuration');
      if (problem) return fail(problem);
      return { ok: true, value: formatDuration(parseDuration(value)!) };
    }
    case 'boolean':
      return typeof value === 'boolean' ? { ok: true, value } : fail('must be true or false');
    case 'string':
      return typeof value === 'string' && value.trim() !== '' && value.length <= 500
        ? { ok: true, value }
        : fail('must be a non-empty text of at most 500 characters');
  }
}

/** Checks a parameter's own value (default or override) against its declared type. */
export function checkParameterValue(
  type: ParameterType,
  value: unknown,
  bounds: Bounds,
  values?: readonly string[],
): LiteralCheck {
  if (type === 'enum') {
    return typeof value === 'string' && (values ?? []).includes(value)
      ? { ok: true, value }
      : { ok: false, reason: `must be one of: ${(values ?? []).join(', ')}` };
  }
  return checkLiteral(type, value, bounds);
}
