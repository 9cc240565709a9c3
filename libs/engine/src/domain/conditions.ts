import { addDays, compareLocalDates, daysBetween, type LocalDate } from '@qingshou/calendar';
import { dec } from '@qingshou/ledger';
import type { CaseFacts, ConditionData, ConditionExtensions } from './case-facts';
import { groupMetricKey } from './group-metric';

/** What one condition is judged against. */
export interface ConditionContext {
  readonly asOf: LocalDate;
  readonly facts: CaseFacts;
  readonly extensions?: ConditionExtensions;
}

const inRange = (value: number, min?: number, max?: number) =>
  (min === undefined || value >= min) && (max === undefined || value <= max);

const within = (date: LocalDate, asOf: LocalDate, days: number) =>
  compareLocalDates(date, addDays(asOf, -days)) > 0 && compareLocalDates(date, asOf) <= 0;

type Judge = (args: never, ctx: ConditionContext) => boolean;

/**
 * One judge per registry condition (registry/conditions.ts). Several keys in one condition
 * object must all hold; `all`/`any`/`not` combine. A key the engine does not know never
 * holds: the registry is closed, so that only happens with a snapshot from a newer platform.
 */
const JUDGES: Record<string, Judge> = {
  dpd: (a: { min?: number; max?: number }, { facts }) => inRange(facts.effectiveDpd, a.min, a.max),
  daysSince: (a: { event: string; min?: number; max?: number }, { facts, asOf }) => {
    const last = facts.events[a.event];
    return last !== undefined && inRange(daysBetween(last, asOf), a.min, a.max);
  },
  brokenPromises: (a: { min: number; withinDays?: number }, { facts, asOf }) => {
    const dates = facts.brokenPromiseDates.filter(
      (d) => a.withinDays === undefined || within(d, asOf, a.withinDays),
    );
    return dates.length >= a.min;
  },
  promise: (a: { status: string }, { facts }) => facts.latestPromiseStatus === a.status,
  amount: (a: { of: string; min?: string; max?: string }, { facts }) => {
    const value = facts.amounts[a.of];
    if (value === undefined) return false;
    const v = dec(value);
    return (
      (a.min === undefined || v.gte(dec(String(a.min)))) &&
      (a.max === undefined || v.lte(dec(String(a.max))))
    );
  },
  loanClass: (a: { in: string[] }, { facts }) => a.in.includes(facts.loanClass),
  accountType: (a: { in: string[] }, { facts }) =>
    facts.accountTypes.some((type) => a.in.includes(type)),
  dateWindow: (a: { from?: string; to?: string }, { asOf }) =>
    (a.from === undefined || compareLocalDates(asOf, a.from) >= 0) &&
    (a.to === undefined || compareLocalDates(asOf, a.to) <= 0),
  settledBefore: (a: { date: string }, { facts }) =>
    facts.settledOn !== null && compareLocalDates(facts.settledOn, a.date) <= 0,
  flag: (a: { id: string; set?: boolean }, { facts }) => facts.flags.has(a.id) === (a.set ?? true),
  caseStatus: (a: { in: string[] }, { facts }) => a.in.includes(facts.status),
  reasonCode: (a: { in: string[] }, { facts }) =>
    facts.overdueReasonCode !== null && a.in.includes(facts.overdueReasonCode),
  contactOutcome: (a: { in: string[]; withinDays?: number }, { facts, asOf }) => {
    if (a.withinDays === undefined) {
      const latest = facts.contacts[0];
      return latest !== undefined && a.in.includes(latest.outcome);
    }
    const days = a.withinDays;
    return facts.contacts.some((c) => within(c.on, asOf, days) && a.in.includes(c.outcome));
  },
  stageReached: (a: { stage: string }, { facts }) =>
    facts.stage === a.stage || facts.history.some((row) => row.to === a.stage),
  // The three below read facts the loader adds only when the pack tests them; facts built
  // without them fall back to an extension, else the condition does not hold.
  groupMetric: (
    a: { groupType: string; metric: string; args?: object; min?: unknown; max?: unknown },
    ctx,
  ) => {
    const values = ctx.facts.groupMetrics;
    if (!values) return ctx.extensions?.groupMetric?.(ctx.facts, a, ctx.asOf) ?? false;
    const value = values.get(groupMetricKey(a));
    if (value === undefined || value === null) return false;
    const v = dec(value);
    return (
      (a.min === undefined || v.gte(dec(String(a.min)))) &&
      (a.max === undefined || v.lte(dec(String(a.max))))
    );
  },
  drivePhase: (a: { drive: string; phase: string[] }, ctx) => {
    const phases = ctx.facts.drivePhases;
    if (!phases) return ctx.extensions?.drivePhase?.(ctx.facts, a, ctx.asOf) ?? false;
    const current = phases.get(a.drive);
    return current !== undefined && a.phase.includes(current);
  },
  attribute: (a: { key: string; in?: string[]; set?: boolean }, ctx) => {
    const attributes = ctx.facts.attributes;
    if (!attributes) return ctx.extensions?.attribute?.(ctx.facts, a, ctx.asOf) ?? false;
    const values = attributes.get(a.key) ?? [];
    if (a.in !== undefined) return values.some((v) => (a.in as string[]).includes(v));
    return values.length > 0 === (a.set ?? true);
  },
};

/** Whether `condition` holds for the case on the date. */
export function holds(condition: ConditionData, ctx: ConditionContext): boolean {
  for (const [key, args] of Object.entries(condition as Record<string, unknown>)) {
    if (args === undefined) continue;
    if (key === 'all') {
      if (!(args as ConditionData[]).every((c) => holds(c, ctx))) return false;
    } else if (key === 'any') {
      if (!(args as ConditionData[]).some((c) => holds(c, ctx))) return false;
    } else if (key === 'not') {
      if (holds(args as ConditionData, ctx)) return false;
    } else {
      const judge = JUDGES[key];
      if (!judge || !judge(args as never, ctx)) return false;
    }
  }
  return true;
}

/** Every condition name a tree uses, so the loader reads only what the pack needs. */
export function conditionNames(condition: ConditionData | undefined, into = new Set<string>()) {
  if (!condition) return into;
  for (const [key, args] of Object.entries(condition as Record<string, unknown>)) {
    if (key === 'all' || key === 'any') {
      (args as ConditionData[]).forEach((c) => conditionNames(c, into));
    } else if (key === 'not') {
      conditionNames(args as ConditionData, into);
    } else {
      into.add(key);
      if (key === 'daysSince') into.add(`event:${(args as { event: string }).event}`);
      if (key === 'attribute') into.add(`attribute:${(args as { key: string }).key}`);
    }
  }
  return into;
}
