import { ActorMeta, CollectionCommand } from '../domain/collection-command';
import type { AssignmentRuleName } from '../ports/assignment-policy';

export interface AutoAssignCasesInput {
  /** The ticked unassigned cases (at most 500). */
  readonly caseIds: readonly string[];
  /** true: work out the plan and write nothing (the 自动分案 preview). */
  readonly preview: boolean;
}

/**
 * 自动分案: the pack's assignment rule (round-robin, by capacity, by group → team) applied to
 * the selected unassigned cases, among the collectors the caller may assign to. The preview
 * and the confirmation run the same plan; the confirmation writes it as one assignment per
 * case, in one transaction.
 */
export class AutoAssignCases extends CollectionCommand {
  constructor(
    meta: ActorMeta,
    readonly input: AutoAssignCasesInput,
  ) {
    super(meta);
  }
}

export interface PlannedAssignment {
  readonly caseId: string;
  readonly debtorName: string;
  readonly assigneeId: string;
  readonly assigneeName: string;
  readonly teamId: string | null;
}

/** Why a selected case is left out: already assigned or closed, every collector full, none eligible. */
export type SkipReason = 'not-unassigned' | 'full' | 'no-collector';

export interface AutoAssignCasesResult {
  readonly rule: AssignmentRuleName;
  readonly maxOpenCases: number | null;
  readonly preview: boolean;
  readonly assignments: readonly PlannedAssignment[];
  readonly skipped: readonly { caseId: string; debtorName: string; reason: SkipReason }[];
  /** Per collector: open cases before and after the plan. */
  readonly loads: readonly { userId: string; name: string; before: number; after: number }[];
  /** The earliest SLA of the selected cases' 分配案件 tasks (篇八: one working day); null: none. */
  readonly slaDueAt: string | null;
}
