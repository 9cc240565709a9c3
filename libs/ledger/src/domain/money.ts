import Decimal from 'decimal.js';

/**
 * Our own Decimal constructor. decimal.js defaults to 20 significant digits, which is
 * too few for (1 + r)^n on an 18-digit amount; a private clone keeps the higher precision
 * without mutating the global constructor other libraries may rely on.
 * Every division or power on a yuan amount must start from a value built by `dec()`.
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = Decimal;

/** Anything we accept as an amount: a Decimal or a plain decimal string. Never a JS number. */
export type MoneyInput = Decimal | string;

export const ZERO: Decimal = new Dec(0);

/** Plain decimal only: optional sign, digits, optional fraction. No grouping, symbols or exponents. */
const PLAIN_DECIMAL = /^[+-]?\d+(\.\d+)?$/;

export class MoneyParseError extends Error {
  constructor(
    readonly input: string,
    why: string,
  ) {
    super(`Not an amount: ${JSON.stringify(input)} — ${why}`);
    this.name = 'MoneyParseError';
  }
}

/**
 * Parses a plain decimal string ('1234.5', '-0.01'). Surrounding whitespace is tolerated
 * because CSV cells often carry it; anything else that a human might "mean" as money
 * ('1,234.50', '¥12', '1e3', '12元') is refused so that a misread column fails loudly
 * instead of becoming a wrong number.
 */
export function parseDecimal(input: string): Decimal {
  const s = input.trim();
  if (s === '') throw new MoneyParseError(input, 'empty');
  if (!PLAIN_DECIMAL.test(s)) {
    let why = 'expected a plain decimal such as 1234.50';
    if (/[,，]/.test(s)) why = 'thousands separators are not accepted, write 1234.50';
    else if (/[¥￥$元]/.test(s)) why = 'currency symbols are not accepted, write the bare number';
    else if (/[eE]/.test(s)) why = 'exponent notation is not accepted';
    else if (/[０-９．]/.test(s)) why = 'full-width digits are not accepted, use ASCII 0-9';
    throw new MoneyParseError(input, why);
  }
  return new Dec(s);
}

/** Like parseDecimal, but an amount of money has at most two decimals (fen). */
export function parseMoney(input: string): Decimal {
  const d = parseDecimal(input);
  if (d.decimalPlaces() > 2) {
    throw new MoneyParseError(input, 'more than two decimal places (fen is the smallest unit)');
  }
  return d;
}

/** Lifts an input into our Decimal constructor, parsing strings strictly. */
export function dec(input: MoneyInput): Decimal {
  return typeof input === 'string' ? parseDecimal(input) : new Dec(input);
}

/**
 * Half-up to the fen. decimal.js ROUND_HALF_UP rounds ties away from zero, so
 * -1.005 → -1.01: the magnitude is rounded the same way for refunds and charges.
 * Call this once, on a final figure — never on intermediate daily accruals.
 */
export function roundFen(value: MoneyInput): Decimal {
  const d = dec(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  // Avoid "-0.00" leaking into statements.
  return d.isZero() ? ZERO : d;
}

/** '1234.50': rounded half-up to the fen, no grouping, '-' for negatives. */
export function formatMoney(value: MoneyInput): string {
  return roundFen(value).toFixed(2);
}

export function sumMoney(values: readonly MoneyInput[]): Decimal {
  return values.reduce<Decimal>((acc, v) => acc.plus(dec(v)), ZERO);
}

export function minMoney(a: Decimal, b: Decimal): Decimal {
  return a.lessThan(b) ? a : b;
}

export function maxMoney(a: Decimal, b: Decimal): Decimal {
  return a.greaterThan(b) ? a : b;
}
