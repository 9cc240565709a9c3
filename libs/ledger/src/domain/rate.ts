import Decimal from 'decimal.js';
import { Dec, dec, MoneyParseError, parseDecimal } from './money';

/** Annual rate as a fraction (0.0435), or a string '0.0435' / '4.35%' as lenders write it. */
export type RateInput = Decimal | string;

/** Day-count basis: the pack chooses 360 (PBOC convention, our default) or 365. */
export type DayCountBasis = 360 | 365;

/**
 * '4.35%' → 0.0435, '0.0435' → 0.0435. A bare number above 1 is refused: '4.35' is far more
 * likely a percentage with the sign dropped than a 435% loan, and guessing would be silent.
 */
export function parseRate(input: RateInput): Decimal {
  if (typeof input !== 'string') return new Dec(input);
  const s = input.trim();
  if (s.endsWith('%')) return parseDecimal(s.slice(0, -1)).div(100);
  const d = parseDecimal(s);
  if (d.greaterThan(1)) {
    throw new MoneyParseError(input, 'a rate above 1 is ambiguous; write 4.35% or 0.0435');
  }
  return d;
}

export function monthlyRate(annual: RateInput): Decimal {
  return parseRate(annual).div(12);
}

export function dailyRate(annual: RateInput, basis: DayCountBasis = 360): Decimal {
  return parseRate(annual).div(basis);
}

/** Penalty rate = contract rate × (1 + markup); markup 0.5 means "50% above contract". */
export function penaltyRate(annual: RateInput, markup: RateInput): Decimal {
  return parseRate(annual).mul(dec(markup).plus(1));
}
