/** A band starts at minDpd and runs up to the next band's start; the last band is open-ended. */
export interface DpdBand<T extends string> {
  label: T;
  minDpd: number;
}

export function classifyByDpd<T extends string>(dpd: number, bands: readonly DpdBand<T>[]): T {
  if (!Number.isInteger(dpd) || dpd < 0) {
    throw new RangeError(`days past due must be a whole number ≥ 0, got ${dpd}`);
  }
  checkBands(bands);
  let found = bands[0].label;
  for (const band of bands) if (dpd >= band.minDpd) found = band.label;
  return found;
}

/** Bands come from policy packs, so a malformed table is refused rather than half-applied. */
export function checkBands<T extends string>(bands: readonly DpdBand<T>[]): void {
  if (bands.length === 0 || bands[0].minDpd !== 0) {
    throw new RangeError('DPD bands must start at 0 days');
  }
  bands.forEach((b, i) => {
    if (!Number.isInteger(b.minDpd)) throw new RangeError(`band ${b.label}: minDpd not whole`);
    if (i > 0 && b.minDpd <= bands[i - 1].minDpd) {
      throw new RangeError(`band ${b.label} must start after ${bands[i - 1].label}`);
    }
  });
}
