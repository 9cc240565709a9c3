import { ActorCommand, ActorMeta } from '@qingshou/core';
import type { LocalDate } from '@qingshou/calendar';

/**
 * Evaluate the tenant's open cases as of a business date against its pinned pack: move each
 * to its stage, record the history, fire the actions due on the date. Idempotent: the same
 * date twice creates nothing new. The nightly run and `POST /engine/evaluate` send this.
 */
export class EvaluateCases extends ActorCommand {
  constructor(
    meta: ActorMeta,
    /** Default: today in the tenant's time zone, by the injected clock. */
    readonly asOf?: LocalDate,
    /** Only these cases (still only open ones); default all. */
    readonly caseIds?: readonly string[],
  ) {
    super(meta);
  }
}

/** What a run did: whole counts, lists capped at LISTED entries. */
export interface EvaluationSummary {
  readonly asOf: LocalDate;
  readonly pack: string;
  readonly chunks: number;
  readonly evaluated: number;
  /** Cases already evaluated for a later date: left as they are. */
  readonly skipped: number;
  readonly errors: readonly { caseId: string; reason: string }[];
  readonly stageChanges: number;
  readonly moves: readonly {
    caseId: string;
    from: string | null;
    to: string | null;
    reason: string;
  }[];
  readonly stageCounts: Readonly<Record<string, number>>;
  readonly tasksCreated: number;
  readonly tasksCancelled: number;
  /** Tasks of the pack's routines due on the date (tenant, per collector or per role). */
  readonly routineTasksCreated: number;
  /** Reminder actions fired before installments' due dates (one per action and recipient). */
  readonly remindersFired: number;
  /** Notices held until their approval is granted (pack `notices[].approval`). */
  readonly noticesHeld: number;
  readonly approvalsRequested: number;
  readonly noticesIssued: number;
  readonly noticeFailures: readonly { caseId: string; template: string; reason: string }[];
  readonly flagsChanged: number;
  readonly rolesNotified: number;
  readonly blacklisted: number;
}
