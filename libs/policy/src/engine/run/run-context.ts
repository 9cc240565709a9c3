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

export interface TaskOutcome {
  readonly caseId: string;
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

/** What one chunk did (or, in a dry run, would do). */
export interface ChunkOutcome {
  evaluated: number;
  skipped: number;
  errors: { caseId: string; reason: string }[];
  moves: MoveOutcome[];
  stageCounts: Record<string, number>;
  tasks: TaskOutcome[];
  approvals: ApprovalOutcome[];
  notices: NoticeOrder[];
  flags: { caseId: string; flag: string; op: 'set' | 'clear' }[];
  notifications: { caseId: string; role: string; key: string }[];
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
