import { addDays, compareLocalDates, daysBetween, type LocalDate } from '@qingshou/calendar';

/** A pause as the DPD rule sees it: inclusive dates; `endedOn` is the day it was resumed. */
export interface PauseSpan {
  readonly fromOn: LocalDate;
  readonly untilOn: LocalDate;
  readonly endedOn?: LocalDate | null;
}

const later = (a: LocalDate, b: LocalDate) => (compareLocalDates(a, b) >= 0 ? a : b);
const earlier = (a: LocalDate, b: LocalDate) => (compareLocalDates(a, b) <= 0 ? a : b);

/**
 * Days past due with paused days taken out, for escalation (issue 3: "paused days do not
 * count toward escalation"). `dpd` is the raw count as of `asOf`, so the overdue days are
 * asOf-dpd+1 … asOf. A paused day is one inside [fromOn, untilOn], before `endedOn` when the
 * case was resumed early, and not after asOf. Overlapping pauses count a day once.
 */
export function effectiveDpd(dpd: number, pauses: readonly PauseSpan[], asOf: LocalDate): number {
  if (!Number.isInteger(dpd) || dpd < 0)
    throw new RangeError(`dpd must be a whole number >= 0, got ${dpd}`);
  if (dpd === 0) return 0;
  const firstOverdue = addDays(asOf, 1 - dpd);
  const spans = pauses
    .map((pause) => {
      const lastPaused = pause.endedOn
        ? earlier(pause.untilOn, addDays(pause.endedOn, -1))
        : pause.untilOn;
      return { from: later(pause.fromOn, firstOverdue), to: earlier(lastPaused, asOf) };
    })
    .filter((span) => compareLocalDates(span.from, span.to) <= 0)
    .sort((a, b) => compareLocalDates(a.from, b.from));
  let paused = 0;
  let coveredTo: LocalDate | null = null;
  for (const span of spans) {
    const from: LocalDate =
      coveredTo && compareLocalDates(span.from, coveredTo) <= 0 ? addDays(coveredTo, 1) : span.from;
    if (compareLocalDates(from, span.to) <= 0) paused += daysBetween(from, span.to) + 1;
    coveredTo = coveredTo ? later(coveredTo, span.to) : span.to;
  }
  return Math.max(0, dpd - paused);
}
