import type { LocalDate } from '@qingshou/calendar';

/**
 * The facts a condition's TypeScript judge reads for one case on one date. The engine's
 * loader reads them set-based for a chunk of cases (libs/engine load/); the judges in
 * conditions/ read nothing else, so a condition's facts and its judge sit in one file.
 */

/** Amount fields an `amount` condition may test, as decimal strings in yuan. */
export type AmountFacts = Readonly<Record<string, string>>;

/** One move on the ladder, oldest first. `to` null: the case left the ladder. */
export interface HistoryRow {
  readonly from: string | null;
  readonly to: string | null;
  readonly asOf: LocalDate;
}

export interface CaseFacts {
  readonly caseId: string;
  readonly debtorId: string;
  readonly status: string;
  /** The stage the case stands in before this evaluation. */
  readonly stage: string | null;
  readonly assigneeId: string | null;
  readonly overdueReasonCode: string | null;
  readonly accountIds: readonly string[];
  readonly accountTypes: readonly string[];
  /**
   * Raw (contractual) DPD of the worst account, from its earliest unpaid installment
   * (partial payments). The regulatory figure: loan class (五级分类) and KPIs use it.
   */
  readonly dpd: number;
  /**
   * `dpd` minus paused days: the collection clock. The `dpd` condition tests this one on
   * every path (ladder, flags, lists, drive scopes) — docs/policy-packs.md "What dpd means".
   */
  readonly effectiveDpd: number;
  /** Something is owed now: an installment past due or due today, unpaid. */
  readonly inArrears: boolean;
  /** Fully repaid: nothing due and no principal outstanding. */
  readonly settled: boolean;
  /** A pause covers the evaluation date: the ladder holds and nothing fires. */
  readonly pausedToday: boolean;
  readonly amounts: AmountFacts;
  readonly loanClass: string;
  /**
   * 连续/累计逾期期数 of the worst account (each the largest over the case's accounts), by the
   * ledger's countOverdueInstallments. Absent (facts built without a ledger): none missed.
   */
  readonly overdueInstallments?: { readonly consecutive: number; readonly cumulative: number };
  /** Local dates on which promises were broken, oldest first. */
  readonly brokenPromiseDates: readonly LocalDate[];
  readonly latestPromiseStatus: string | null;
  /** Recent contact outcomes, newest first. */
  readonly contacts: readonly { readonly outcome: string; readonly on: LocalDate }[];
  readonly flags: ReadonlySet<string>;
  /** The latest local date of each registry event the engine can see for this case. */
  readonly events: Readonly<Partial<Record<string, LocalDate>>>;
  /** The last receipt date when the case is settled; else null. */
  readonly settledOn: LocalDate | null;
  /** The case's moves on the ladder so far, oldest first. */
  readonly history: readonly HistoryRow[];
  /** Keys "<stage>:<index>" of repeating series that have a task done (until: done). */
  readonly doneSeries: ReadonlySet<string>;
  /**
   * Recorded assessment attributes (record-attribute) of the debtor, its accounts and the
   * case, key → values. Loaded only when the pack tests `attribute`.
   */
  readonly attributes?: ReadonlyMap<string, readonly string[]>;
  /**
   * The metric of each group the case belongs to, by groupMetricKey, as a decimal string;
   * null when the group has nothing to measure. Loaded only for `groupMetric` conditions.
   */
  readonly groupMetrics?: ReadonlyMap<string, string | null>;
  /** The current phase, as of the date, of the tenant's latest launched drive of each key. */
  readonly drivePhases?: ReadonlyMap<string, string>;
}

/**
 * Conditions whose inputs belong to other libs (group metrics, drive phases, assessment
 * attributes). Facts built without them ask the extension; unbound, the condition fails.
 */
export interface ConditionExtensions {
  groupMetric?(facts: CaseFacts, args: unknown, asOf: LocalDate): boolean;
  drivePhase?(facts: CaseFacts, args: unknown, asOf: LocalDate): boolean;
  attribute?(facts: CaseFacts, args: unknown, asOf: LocalDate): boolean;
}

/** What one condition is judged against. */
export interface ConditionContext {
  readonly asOf: LocalDate;
  readonly facts: CaseFacts;
  readonly extensions?: ConditionExtensions;
}
