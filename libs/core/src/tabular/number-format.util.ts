/**
 * Formats a spreadsheet number the way Excel displays it in a General cell: at most 15
 * significant digits (so binary float noise such as 0.30000000000000004 disappears), never
 * in exponent notation. Safe integers (e.g. 16-digit card numbers) are kept exactly.
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Object.is(value, -0)) return '0';
  if (Number.isSafeInteger(value)) return String(value);
  return toPlainString(Number(value.toPrecision(15)));
}

/** Decimal string of a number without exponent notation. */
export function toPlainString(value: number): string {
  const text = String(value);
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, int, frac = '', exp] = match;
  return sign + shiftDecimal(`${int}.${frac}`, Number(exp));
}

/**
 * Moves the decimal point of a plain decimal string `places` digits to the right (left when
 * negative), exactly, without floating point: shiftDecimal('4.35', -2) === '0.0435'.
 * Leading and trailing zeros are dropped.
 */
export function shiftDecimal(value: string, places: number): string {
  const match = /^(-?)(\d*)(?:\.(\d*))?$/.exec(value);
  if (!match || (match[2] === '' && !match[3])) throw new RangeError(`Not a decimal: ${value}`);
  const [, sign, int, frac = ''] = match;
  let digits = int + frac;
  let point = int.length + places;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  const whole = digits.slice(0, point).replace(/^0+/, '') || '0';
  const fraction = digits.slice(point).replace(/0+$/, '');
  const result = fraction ? `${whole}.${fraction}` : whole;
  return result === '0' ? '0' : sign + result;
}
