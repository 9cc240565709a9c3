import type { CaseStatus, TaskKind } from './vocabulary';

/** One case in a list. Money is a decimal string to the fen; DPD from the ledger snapshot. */
export interface CaseSummary {
  readonly id: string;
  readonly debtor: { id: string; name: string };
  readonly scope: string;
  readonly accountId: string | null;
  readonly status: CaseStatus;
  readonly stage: string | null;
  readonly packVersion: string | null;
  readonly assignee: { id: string; name: string | null } | null;
  readonly teamId: string | null;
  readonly priority: number;
  readonly overdueReasonCode: string | null;
  readonly openedOn: string;
  readonly closedOn: string | null;
  readonly pausedUntil: string | null;
  readonly version: number;
  readonly dpd: number;
  readonly amountDue: string;
  readonly balanceAsOf: string | null;
}

export interface WorklistItem {
  readonly taskId: string;
  readonly kind: TaskKind;
  readonly title: string | null;
  readonly dueAt: string;
  readonly slaDueAt: string | null;
  readonly priority: number;
  /** Days a repeating task rolled forward undone (one open task per case and kind). */
  readonly missedCount: number;
  /** Due before today in the tenant's zone. */
  readonly overdue: boolean;
  /** The platform role that must do it (pack task `role`); null: the case's collector. */
  readonly role: string | null;
  /** Null while the task waits on its role's worklist for someone to take it. */
  readonly assigneeId: string | null;
  /** Null for work of no case (a routine, a client batch received). */
  readonly case: {
    id: string;
    status: CaseStatus;
    debtorName: string;
    dpd: number;
    amountDue: string;
  } | null;
  /**
   * For tasks that contact someone (call, visit, guarantor): whether the pack's contact
   * rules allow it right now, and if not which rule refuses and when it next may.
   */
  readonly contact?: {
    readonly allowed: boolean;
    readonly rule?: string;
    readonly reason?: string;
    /** The rule's figures, for its message in the reader's language. */
    readonly params?: Readonly<Record<string, string | number>>;
    readonly nextAllowedAt?: string;
  };
}

export interface TimelineEntry {
  /** event (from the audit log), contact, promise, approval or cost. */
  readonly kind: string;
  readonly id: string;
  readonly at: string;
  /** Event type, channel, promise status, approval kind or cost category. */
  readonly type: string;
  readonly actorId: string;
  readonly data: Record<string, unknown>;
}

export interface CaseAccountFigures {
  readonly accountId: string;
  readonly type: string;
  readonly externalRef: string;
  readonly dpd: number | null;
  readonly totalDue: string | null;
  readonly overduePrincipal: string | null;
  readonly asOf: string | null;
  /** 账龄 by the pack's buckets, as of the snapshot; null before the first one. */
  readonly agingBucket: string | null;
  /** 五级分类 (pass … loss) by the pack's bands, as of the snapshot. */
  readonly loanClass: string | null;
  /** 连续/累计逾期期数 as of the snapshot (the ledger's countOverdueInstallments). */
  readonly overdueInstallments: { consecutive: number; cumulative: number } | null;
  /** DPD without the case's paused days and this account's disputed days (escalation's count). */
  readonly effectiveDpd: number | null;
}

/** 异议 on one of the case's accounts (issue 16 §2). */
export interface CaseDispute {
  readonly id: string;
  readonly accountId: string;
  readonly accountRef: string;
  readonly kind: string;
  /** collector or debtor. */
  readonly raisedBy: string;
  /** account or case: what the escalation stops counting while open. */
  readonly pause: string;
  readonly decidedByRole: string;
  readonly note: string | null;
  readonly raisedOn: string;
  readonly dueOn: string | null;
  /** open, upheld or rejected. */
  readonly status: string;
  readonly decidedOn: string | null;
  readonly decisionNote: string | null;
  readonly adjustmentHint: string | null;
  readonly raisedByActor: string;
  readonly decidedByActor: string | null;
  readonly documents: { id: string; name: string }[];
}

export interface CaseDetail extends CaseSummary {
  /** DPD with paused days taken out, as of the balance snapshot (escalation uses this). */
  readonly effectiveDpd: number;
  readonly blacklisted: boolean;
  readonly accounts: CaseAccountFigures[];
  readonly pauses: {
    id: string;
    reason: string;
    fromOn: string;
    untilOn: string;
    endedOn: string | null;
  }[];
  readonly disputes: CaseDispute[];
  readonly openTasks: {
    id: string;
    kind: string;
    /** The pack's words for it (制定初期催收方案), as the worklist shows them. */
    title: string | null;
    dueAt: string;
    assigneeId: string | null;
    role: string | null;
    priority: number;
  }[];
  readonly timeline: TimelineEntry[];
}

export interface ApprovalSummary {
  readonly id: string;
  readonly caseId: string;
  readonly kind: string;
  readonly approverRole: string;
  readonly status: string;
  readonly payload: Record<string, unknown>;
  readonly reason: string | null;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
}
