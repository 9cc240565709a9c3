import type { AssignmentRules } from '../ports/assignment-policy';
import type { SkipReason } from './auto-assign-cases.command';

export interface Collector {
  readonly id: string;
  readonly name: string;
  /** Open cases held now. */
  readonly open: number;
  readonly teams: readonly string[];
}

export interface PoolCase {
  readonly id: string;
  readonly debtorName: string;
  /** Names of the debtor's groups (branch, village, school…). */
  readonly groups: readonly string[];
}

export interface PlanLine {
  readonly caseId: string;
  readonly collector: Collector;
  /** The team the rule sent the case to (team rule), else null. */
  readonly teamName: string | null;
}

/**
 * The rule, as a pure function (the handler loads, this decides, the handler writes). Each
 * case goes to the eligible collector with the fewest open cases counting this plan's, ties
 * in the collectors' order: from equal loads that deals the cases out in turn (轮流), and a
 * collector who already holds more waits until the others catch up. `capacity` never takes
 * anyone above `maxOpenCases`; `team` keeps a mapped group's cases inside its team.
 */
export function planAssignments(
  rules: AssignmentRules,
  collectors: readonly Collector[],
  cases: readonly PoolCase[],
  teamIdByName: ReadonlyMap<string, string>,
): { lines: PlanLine[]; skipped: { caseId: string; reason: SkipReason }[] } {
  const load = new Map(collectors.map((c) => [c.id, c.open]));
  const cap = rules.rule === 'capacity' ? rules.maxOpenCases : null;
  const lines: PlanLine[] = [];
  const skipped: { caseId: string; reason: SkipReason }[] = [];
  for (const one of cases) {
    const mapped =
      rules.rule === 'team'
        ? rules.groupTeams.find((g) => one.groups.includes(g.group) && teamIdByName.has(g.team))
        : undefined;
    const teamId = mapped ? teamIdByName.get(mapped.team) : undefined;
    const eligible = teamId ? collectors.filter((c) => c.teams.includes(teamId)) : collectors;
    if (eligible.length === 0) {
      skipped.push({ caseId: one.id, reason: 'no-collector' });
      continue;
    }
    let best: Collector | null = null;
    for (const c of eligible) {
      const n = load.get(c.id) ?? 0;
      if (cap !== null && n >= cap) continue;
      if (!best || n < (load.get(best.id) ?? 0)) best = c;
    }
    if (!best) {
      skipped.push({ caseId: one.id, reason: 'full' });
      continue;
    }
    load.set(best.id, (load.get(best.id) ?? 0) + 1);
    lines.push({ caseId: one.id, collector: best, teamName: mapped?.team ?? null });
  }
  return { lines, skipped };
}
