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
  /** 留案: worked until this day (委案日期 + the pack's retentionDays); null: not declared. */
  readonly retainUntil: string | null;
  /** 退案: back to the client on this day (the batch's 退案日期, else 委案日期 + returnAfterDays). */
  readonly returnOn: string | null;
  readonly reasons: readonly RiskReason[];
}

export interface SupervisorCasePage {
  readonly items: SupervisorCaseRow[];
  readonly nextCursor: string | null;
  /** Rows matching the list and its filters, over all pages. */
  readonly total: number;
}

export interface SupervisorCaseFilters {
  /** at-risk: only cases with this reason. */
  readonly reason?: RiskReason;
  /** Only cases at or above this DPD. */
  readonly minDpd?: number;
  /** Only cases of this collector. */
  readonly assigneeId?: string;
}

/**
 * The supervisor's two lists over the cases they may see: `unassigned` open cases, and
 * `at-risk` open cases — a task past its SLA, a task overdue since before today, a promise
 * broken in the last 30 days, or 30+ DPD with no contact attempt for 7 days. Largest
 * amount due first, keyset-paged (`cursor` from the previous page) with the total.
 */
export class ListSupervisorCases extends CollectionQuery {
  constructor(
    meta: ActorMeta,
    readonly list: 'unassigned' | 'at-risk',
    readonly limit = 50,
    readonly cursor?: string,
    readonly filters: SupervisorCaseFilters = {},
  ) {
    super(meta);
  }
}
