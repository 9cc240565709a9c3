import { Dec } from '@qingshou/ledger';
import Decimal from 'decimal.js';

/**
 * met: the bound holds. missed: it does not, and cannot any more — a metric at a date (a
 * default rate, an NPL ratio) is judged on the date itself, a flow metric at the end of its
 * period. at-risk: a flow metric short of its bound while its period is still running
 * (篇九's annual plan at 77% in October). no-data: nothing to measure (no borrower due yet).
 */
export type TargetStatus = 'met' | 'at-risk' | 'missed' | 'no-data';

export interface Bound {
  readonly max?: string;
  readonly min?: string;
}

export interface Judgement {
  readonly status: TargetStatus;
  /** How far the value is on the wrong side of the bound; 0 when met. */
  readonly gap: string | null;
  readonly stretchMet: boolean | null;
  readonly stretchGap: string | null;
}

function shortfall(value: Decimal, bound: Bound, which: 'max' | 'min'): Decimal {
  const limit = new Dec(String(bound[which]));
  const diff = which === 'max' ? value.minus(limit) : limit.minus(value);
  return Decimal.max(diff, 0);
}

export function judge(
  value: string | null,
  bound: Bound,
  stretch: string | undefined,
  periodOpen: boolean,
): Judgement {
  if (value === null) return { status: 'no-data', gap: null, stretchMet: null, stretchGap: null };
  const v = new Dec(value);
  // A band (both bounds): the value is off by whichever side it left; at most one is non-zero.
  const gap = (['max', 'min'] as const)
    .filter((which) => bound[which] !== undefined)
    .reduce((sum, which) => sum.plus(shortfall(v, bound, which)), new Dec(0));
  const met = gap.isZero();
  // A stretch is the far end of the target's good side; a band has none beyond its min.
  const which = bound.min !== undefined ? 'min' : 'max';
  const stretchGap =
    stretch === undefined ? null : shortfall(v, { [which]: stretch } as Bound, which);
  return {
    status: met ? 'met' : periodOpen ? 'at-risk' : 'missed',
    gap: gap.toString(),
    stretchMet: stretchGap === null ? null : stretchGap.isZero(),
    stretchGap: stretchGap === null ? null : stretchGap.toString(),
  };
}

/** How a value reads: ratios as percentages to 0.01% (half-up), amounts in yuan, counts whole. */
export function display(unit: string, value: string | null): string | null {
  if (value === null) return null;
  const v = new Dec(value);
  if (unit === 'ratio') return `${v.mul(100).toFixed(2)}%`;
  return unit === 'amount' ? v.toFixed(2) : v.toFixed(0);
}

/**
 * The value as the office reports it, which is what it is judged on: ratios to 0.01%
 * (half-up), amounts to the fen. 篇九's 20,920,000.00 of a 22,990,000.00 plan is 90.996%,
 * reported as 91.00% and counted as reaching 91%.
 */
export function asReported(unit: string, value: string | null): string | null {
  if (value === null) return null;
  const v = new Dec(value);
  return (
    unit === 'ratio' ? v.toDecimalPlaces(4) : unit === 'amount' ? v.toDecimalPlaces(2) : v
  ).toString();
}

/** The value as returned: ratios to 6 decimals, amounts to the fen. */
export function rounded(unit: string, value: string | null): string | null {
  if (value === null) return null;
  const v = new Dec(value);
  return unit === 'ratio' ? v.toFixed(6) : unit === 'amount' ? v.toFixed(2) : v.toFixed(0);
}
