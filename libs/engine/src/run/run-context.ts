import type { BusinessCalendar, LocalDate } from '@qingshou/calendar';
import type { MoveReason } from '../domain/ladder';
import type { PackView } from '../domain/pack-view';

/** One evaluation run: whose cases, as of which date, under which pack, for real or not. */
export interface RunContext {
  readonly tenantId: string;
  readonly asOf: LocalDate;
  /** Business time of the run (the injected clock). */
  readonly now: Date;
  readonly timeZone: string;
  readonly pack: PackView;
  readonly calendar: BusinessCalendar;
  readonly actorId: string;
  readonly correlationId: string;
  /** A dry run writes inside a transaction that is rolled back and appends no events. */
  readonly dryRun: boolean;
}

export interface MoveOutcome {
  readonly caseId: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly reason: MoveReason;
  readonly effectiveDpd: number;
}

/** Which part of the pack fired an action; engine_actions.source. */
export type ActionSource = 'stage' | 'rule' | 'reminder' | 'routine';

export interface TaskOutcome {
  /** Null for work that belongs to no case (routines, a batch received). */
  readonly caseId: string | null;
  readonly source: ActionSource;
  /** The platform role that must do it; unassigned tasks wait on that role's worklist. */
  readonly role: string | null;
  readonly stage: string;
  readonly kind: string;
  readonly title: string;
  readonly dueAt: string;
  readonly slaDueAt: string | null;
  readonly assigneeId: string | null;
  readonly key: string;
}

export interface ApprovalOutcome {
  readonly caseId: string;
  readonly stage: string;
  readonly kind: string;
  readonly approverRole: string;
  readonly key: string;
}

/** A notice the run wants issued; IssueNotice's own key makes issuing it idempotent. */
export interface NoticeOrder {
  readonly caseId: string;
  readonly debtorId: string;
  readonly stage: string;
  readonly template: string;
  readonly recipient: string;
  readonly key: string;
  /** True when this run fired it first (its engine_actions row is new). */
  readonly fresh: boolean;
}

/** A notice waiting for its approval (engine_notice_holds) instead of going out. */
export interface HeldNoticeOutcome {
  readonly caseId: string;
  readonly template: string;
  readonly recipient: string;
  readonly approvalId: string;
  readonly approvalKind: string;
  readonly key: string;
}

/** What one chunk did (or, in a dry run, would do). */
export interface ChunkOutcome {
  evaluated: number;
  skipped: number;
  errors: { caseId: string; reason: string }[];
  moves: MoveOutcome[];
  stageCounts: Record<string, number>;
  /** Case tasks: from stages, reminders and rules. */
  tasks: TaskOutcome[];
  /** Tasks of routines: tenant, collector or role work on a schedule. */
  routineTasks: TaskOutcome[];
  /** Reminder actions fired before an installment's due date (one per action and recipient). */
  reminders: number;
  held: HeldNoticeOutcome[];
  approvals: ApprovalOutcome[];
  notices: NoticeOrder[];
  flags: { caseId: string; flag: string; op: 'set' | 'clear' }[];
  notifications: { caseId: string | null; role: string; key: string }[];
  tasksCancelled: number;
  blacklisted: string[];
}

export function emptyOutcome(): ChunkOutcome {
  return {
    evaluated: 0,
    skipped: 0,
    errors: [],
    moves: [],
    stageCounts: {},
    tasks: [],
    routineTasks: [],
    reminders: 0,
    held: [],
    approvals: [],
    notices: [],
    flags: [],
    notifications: [],
    tasksCancelled: 0,
    blacklisted: [],
  };
}

/** The stage a count is filed under when a case stands on no rung. */
export const NO_STAGE = '(none)';
