import { isPlainObject } from '../registry/registry.types';

const SIMPLE = ['string', 'decimal', 'percent', 'date', 'integer', 'boolean'];

/**
 * Options each parser type accepts, with a check per option: the FieldParser union of
 * libs/core/src/tabular/column-mapping.types.ts (core's index does not export tabular yet).
 */
const OPTIONS: Readonly<Record<string, Readonly<Record<string, (v: unknown) => boolean>>>> = {
  string: { maxLength: (v) => Number.isInteger(v) && (v as number) > 0 },
  decimal: {
    scale: (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 6,
    allowNegative: (v) => typeof v === 'boolean',
  },
  percent: { bare: (v) => v === 'reject' || v === 'fraction' || v === 'percent' },
  date: {},
  integer: { min: Number.isInteger, max: Number.isInteger },
  boolean: {},
  enum: {
    values: (v) =>
      isPlainObject(v) &&
      Object.keys(v).length > 0 &&
      Object.values(v).every((x) => typeof x === 'string' && x !== ''),
  },
};

/** Why `parse` is not a FieldParser of the tabular reader, or null. */
export function parserProblem(parse: unknown): string | null {
  if (typeof parse === 'string') {
    return SIMPLE.includes(parse) ? null : `must be one of ${SIMPLE.join(', ')} or { type: … }`;
  }
  if (!isPlainObject(parse) || typeof parse.type !== 'string' || !OPTIONS[parse.type]) {
    return `must be one of ${SIMPLE.join(', ')}, or { type: string|decimal|percent|date|integer|enum|boolean, … }`;
  }
  const options = OPTIONS[parse.type];
  for (const [key, value] of Object.entries(parse)) {
    if (key === 'type') continue;
    if (!options[key]) return `a ${parse.type} parser has no option "${key}"`;
    if (!options[key](value)) return `option "${key}" of the ${parse.type} parser is invalid`;
  }
  if (parse.type === 'enum' && parse.values === undefined) {
    return 'an enum parser maps labels to values: { type: enum, values: { 次级: substandard } }';
  }
  return null;
}
