import type { FieldParser, FieldValue, ParseResult } from './column-mapping.types';
import { shiftDecimal } from './number-format.util';

type ParserSpec = Exclude<FieldParser, string>;

/** Parses one non-empty, trimmed cell. */
export type CompiledParser = (raw: string) => ParseResult;

const ok = (value: FieldValue): ParseResult => ({ ok: true, value });
const fail = (reason: string, reasonZh: string): ParseResult => ({ ok: false, reason, reasonZh });

/** Full-width ASCII forms (１２３, ．, ％, －) and the ideographic space. */
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;
const FULL_WIDTH_FAILURE = fail(
  'contains full-width characters (such as １２３); use half-width digits and symbols',
  '含全角字符（如“１２３”），请改用半角数字和符号',
);

/** Builds the parser for a column once, so per-cell work is a plain function call. */
export function compileParser(parser: FieldParser): CompiledParser {
  // Every bare name's object form has only optional settings, so `{ type }` is complete.
  const spec = (typeof parser === 'string' ? { type: parser } : parser) as ParserSpec;
  switch (spec.type) {
    case 'string':
      return stringParser(spec.maxLength);
    case 'decimal':
      return numeric(decimalParser(spec.scale ?? 2, spec.allowNegative ?? false));
    case 'percent':
      return numeric(percentParser(spec.bare ?? 'reject'));
    case 'date':
      return numeric(parseDate);
    case 'integer':
      return numeric(integerParser(spec.min, spec.max));
    case 'enum':
      return enumParser(spec.values);
    case 'boolean':
      return parseBoolean;
  }
}

/** Numeric-like cells refuse full-width characters with a reason of their own. */
function numeric(parse: CompiledParser): CompiledParser {
  return (raw) => (FULL_WIDTH.test(raw) ? FULL_WIDTH_FAILURE : parse(raw));
}

function stringParser(maxLength: number | undefined): CompiledParser {
  return (raw) =>
    maxLength !== undefined && [...raw].length > maxLength
      ? fail(`longer than ${maxLength} characters`, `长度超过 ${maxLength} 个字符`)
      : ok(raw);
}

const DECIMAL = /^(-?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

function decimalParser(scale: number, allowNegative: boolean): CompiledParser {
  return (raw) => {
    const match = DECIMAL.exec(raw);
    if (!match) {
      return /^-?[\d.]+e[+-]?\d+$/i.test(raw)
        ? fail(
            'amount in scientific notation; format the column as a number',
            '金额为科学计数法，请将该列设为数值格式',
          )
        : fail(
            'not a valid amount (e.g. 1234.50 or 1,234.50)',
            '金额格式不正确（应如 1234.50 或 1,234.50）',
          );
    }
    const [, sign, int, frac = ''] = match;
    if (sign && !allowNegative) return fail('amount must not be negative', '金额不能为负数');
    if (frac.length > scale) {
      return fail(`more than ${scale} decimal places`, `小数位数超过 ${scale} 位`);
    }
    const whole = int.replace(/,/g, '').replace(/^0+(?=\d)/, '');
    const value = scale > 0 ? `${whole}.${frac.padEnd(scale, '0')}` : whole;
    return ok(sign && /[1-9]/.test(value) ? `-${value}` : value);
  };
}

const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

function percentParser(bare: 'reject' | 'fraction' | 'percent'): CompiledParser {
  const invalid = fail('not a valid percentage (e.g. 4.35%)', '百分比格式不正确（应如 4.35%）');
  return (raw) => {
    const match = /^(.*?)\s*%$/.exec(raw);
    if (match) return PLAIN_NUMBER.test(match[1]) ? ok(shiftDecimal(match[1], -2)) : invalid;
    if (!PLAIN_NUMBER.test(raw)) return invalid;
    switch (bare) {
      case 'fraction':
        return ok(shiftDecimal(raw, 0));
      case 'percent':
        return ok(shiftDecimal(raw, -2));
      case 'reject':
        return fail('percentage must end with % (e.g. 4.35%)', '百分比须带 % 号（如 4.35%）');
    }
  };
}

const DATE_PATTERNS: readonly RegExp[] = [
  /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/,
  /^(\d{4})()(\d{2})(\d{2})$/,
  /^(\d{4})(年)(\d{1,2})月(\d{1,2})日$/,
];

function parseDate(raw: string): ParseResult {
  const match = DATE_PATTERNS.map((pattern) => pattern.exec(raw)).find((m) => m !== null);
  if (!match) {
    return fail(
      'not a valid date (expected YYYY-MM-DD, YYYY/M/D or YYYYMMDD)',
      '日期格式不正确（应为 YYYY-MM-DD、YYYY/M/D 或 YYYYMMDD）',
    );
  }
  const [year, month, day] = [match[1], match[3], match[4]].map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return fail('date does not exist', '日期不存在');
  }
  return ok(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}

function integerParser(min: number | undefined, max: number | undefined): CompiledParser {
  return (raw) => {
    const match = /^(-?(?:\d{1,3}(?:,\d{3})+|\d+))(?:\.0+)?$/.exec(raw);
    const value = match ? Number(match[1].replace(/,/g, '')) : NaN;
    if (!Number.isSafeInteger(value)) return fail('not a whole number', '不是有效的整数');
    if (min !== undefined && value < min) return fail(`less than ${min}`, `不能小于 ${min}`);
    if (max !== undefined && value > max) return fail(`greater than ${max}`, `不能大于 ${max}`);
    return ok(value);
  };
}

function enumParser(values: Readonly<Record<string, string>>): CompiledParser {
  const lookup = new Map<string, string>();
  for (const [label, canonical] of Object.entries(values)) {
    lookup.set(canonical.toLowerCase(), canonical);
    lookup.set(label.toLowerCase(), canonical);
  }
  const allowed = Object.keys(values).join('/');
  return (raw) => {
    const value = lookup.get(raw.toLowerCase());
    return value === undefined
      ? fail(`not one of the allowed values: ${allowed}`, `取值须为：${allowed}`)
      : ok(value);
  };
}

const BOOLEANS: ReadonlyMap<string, boolean> = new Map([
  ...['是', 'y', 'yes', 'true'].map((word) => [word, true] as const),
  ...['否', 'n', 'no', 'false'].map((word) => [word, false] as const),
]);

function parseBoolean(raw: string): ParseResult {
  const value = BOOLEANS.get(raw.toLowerCase());
  return value === undefined
    ? fail('expected 是/否, Y/N or true/false', '应填 是/否、Y/N 或 true/false')
    : ok(value);
}
