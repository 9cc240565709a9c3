import { classifyByDpd, DpdBand } from './dpd-threshold';

/**
 * 账龄 by days past due. The card industry's usual cut: M0 current, then one bucket per
 * 30 days, everything beyond 180 days in M6+. Packs pass their own table.
 */
export const DEFAULT_AGING_BUCKETS: readonly DpdBand<string>[] = [
  { label: 'M0', minDpd: 0 },
  { label: 'M1', minDpd: 1 },
  { label: 'M2', minDpd: 31 },
  { label: 'M3', minDpd: 61 },
  { label: 'M4', minDpd: 91 },
  { label: 'M5', minDpd: 121 },
  { label: 'M6', minDpd: 151 },
  { label: 'M6+', minDpd: 181 },
];

export function agingBucket(
  dpd: number,
  buckets: readonly DpdBand<string>[] = DEFAULT_AGING_BUCKETS,
): string {
  return classifyByDpd(dpd, buckets);
}
