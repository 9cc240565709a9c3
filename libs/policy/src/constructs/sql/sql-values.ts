/**
 * Checks for values a condition's SQL form writes into the statement's text. Each value is
 * checked again against the closed shapes the pack validator already enforced (slugs,
 * dates, whole numbers, decimals), so a snapshot from a newer platform cannot smuggle SQL.
 * A failed check throws Unsafe: the compiler reports the term as undecided.
 */
export class Unsafe extends Error {}

const SLUG = /^[a-z][a-z0-9-]{0,63}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DECIMAL = /^\d{1,16}(\.\d{1,6})?$/;

export const slug = (v: unknown): string => {
  if (typeof v !== 'string' || !SLUG.test(v)) throw new Unsafe(`not a code: ${String(v)}`);
  return `'${v}'`;
};

export const slugs = (v: unknown): string => {
  if (!Array.isArray(v) || v.length === 0) throw new Unsafe('needs a list of codes');
  return `(${v.map(slug).join(', ')})`;
};

/** `array['a', 'b']::text[]` of checked codes. */
export const slugArray = (v: unknown): string => `array[${slugs(v).slice(1, -1)}]::text[]`;

export const int = (v: unknown): number => {
  if (!Number.isInteger(v) || (v as number) < 0) throw new Unsafe(`not a count: ${String(v)}`);
  return v as number;
};

export const date = (v: unknown): string => {
  if (typeof v !== 'string' || !DATE.test(v)) throw new Unsafe(`not a date: ${String(v)}`);
  return `'${v}'::date`;
};

export const decimal = (v: unknown): string => {
  const text = String(v);
  if (!DECIMAL.test(text)) throw new Unsafe(`not an amount: ${text}`);
  return text;
};

/** `column >= min and column <= max` with checked bounds; `true` when neither is given. */
export const range = (
  column: string,
  a: { min?: unknown; max?: unknown },
  value: (v: unknown) => string = decimal,
): string =>
  [
    ...(a.min !== undefined ? [`${column} >= ${value(a.min)}`] : []),
    ...(a.max !== undefined ? [`${column} <= ${value(a.max)}`] : []),
  ].join(' and ') || 'true';

export const intRange = (column: string, a: { min?: unknown; max?: unknown }): string =>
  range(column, a, (v) => String(int(v)));
