import { addDays, compareLocalDates, daysBetween, type LocalDate } from '@qingshou/calendar';

/** A phase as the pinned pack gives it: an optional start, and an end or a length. */
export interface PhaseTemplate {
  readonly id: string;
  readonly start?: string;
  readonly end?: string;
  readonly days?: number;
}

export interface DatedPhase {
  readonly id: string;
  readonly startsOn: LocalDate;
  /** Inclusive. */
  readonly endsOn: LocalDate;
}

export class PhaseDateError extends Error {}

/**
 * The pack's own calendar of the drive: the first phase starts on its `start`; a later one
 * on its own `start` or the day after the previous phase ends; each lasts `days` or runs to
 * its `end` (inclusive).
 */
export function templateDates(phases: readonly PhaseTemplate[]): DatedPhase[] {
  const dated: DatedPhase[] = [];
  for (const phase of phases) {
    const previous = dated[dated.length - 1];
    const startsOn = phase.start ?? (previous ? addDays(previous.endsOn, 1) : undefined);
    if (!startsOn) throw new PhaseDateError(`phase ${phase.id} has no start date`);
    const endsOn = phase.end ?? (phase.days ? addDays(startsOn, phase.days - 1) : undefined);
    if (!endsOn) throw new PhaseDateError(`phase ${phase.id} has neither end nor days`);
    if (compareLocalDates(endsOn, startsOn) < 0) {
      throw new PhaseDateError(`phase ${phase.id} ends (${endsOn}) before it starts (${startsOn})`);
    }
    if (previous && compareLocalDates(startsOn, previous.endsOn) < 0) {
      throw new PhaseDateError(`phase ${phase.id} starts before phase ${previous.id} ends`);
    }
    dated.push({ id: phase.id, startsOn, endsOn });
  }
  return dated;
}

/**
 * The drive as launched: every date of the pack's calendar moved by the same number of days,
 * so that the first phase starts on the launch date and each phase keeps its length
 * (篇三 摸底 5 days, 认定 57, 宣传动员 7, 全面清收 131, 复查整改 31).
 */
export function launchDates(phases: readonly PhaseTemplate[], launchDate: LocalDate): DatedPhase[] {
  const template = templateDates(phases);
  if (template.length === 0) return [];
  const shift = daysBetween(template[0].startsOn, launchDate);
  return template.map((p) => ({
    id: p.id,
    startsOn: addDays(p.startsOn, shift),
    endsOn: addDays(p.endsOn, shift),
  }));
}
