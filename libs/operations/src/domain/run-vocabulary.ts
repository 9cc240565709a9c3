import type { Role } from '@qingshou/core';

export const RUN_KINDS = ['escalation'] as const;
export type RunKind = (typeof RUN_KINDS)[number];

export const RUN_STATES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type RunState = (typeof RUN_STATES)[number];

/** Audit events of a run: each appended exactly once, by the state change it records. */
export const RUN_EVENTS = {
  requested: 'RunRequested',
  finished: 'RunFinished',
  failed: 'RunFailed',
} as const;

/** Who may start a run or a backfill by hand (HTTP and the handler check the same list). */
export const RUN_ROLES: readonly Role[] = ['tenant-admin', 'manager', 'supervisor'];
/** Who may read runs: the same, plus auditors. */
export const RUN_READ_ROLES: readonly Role[] = [...RUN_ROLES, 'auditor'];

/** The actor of scheduled work (audit rows name it). */
export const SCHEDULER_ACTOR = 'system:daily-run';

/** The tenant's local time of the nightly run unless it set its own (tenants.daily_run_at). */
export const DEFAULT_RUN_AT = '01:00';

/**
 * What a run reports. Every key is a whole count for the run's date; a key a step does not
 * produce stays absent. `casesOpened` are new cases for newly overdue accounts; `casesEntered`,
 * `casesMoved`, `casesCleared` are ladder moves (entered/caught up, escalated/de-escalated,
 * left the ladder because the arrears are paid — the engine does not close cases).
 */
export type RunCounts = Record<string, number>;

export function addCounts(into: RunCounts, more: RunCounts): RunCounts {
  for (const [key, value] of Object.entries(more)) into[key] = (into[key] ?? 0) + value;
  return into;
}
