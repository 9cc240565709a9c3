import { ActorMeta, CollectionQuery } from '@qingshou/collection';

/** Why a case is at risk; the page shows each as a badge. */
export const RISK_REASONS = [
  'sla-breached',
  'task-overdue',
  'promise-broken',
  'no-contact',
] as const;
export type RiskReason = (typeof RISK_REASONS)[number];

export interface SupervisorCaseRow {
  readonly id: string;
  readonly debtorName: string;
  readonly status: string;
  readonly stage: string | null;
  readonly assignee: { id: string; name: string } | null;
  readonly dpd: number;
  readonly amountDue: string;
  readonly openedOn: string;
  readonly reasons: readonly RiskReason[];
}

/**
 * The supervisor's two lists over the cases they may see: `unassigned` open cases, and
 * `at-risk` open cases — a task past its SLA, a task overdue since before today, a promise
 * broken in the last 30 days, or 30+ DPD with no contact attempt for 7 days. Largest
 * amount due first; at most `limit` rows (the page is a to-do list, not a report).
 */
export class ListSupervisorCases extends CollectionQuery {
  constructor(
    meta: ActorMeta,
    readonly list: 'unassigned' | 'at-risk',
    readonly limit = 100,
  ) {
    super(meta);
  }
}
