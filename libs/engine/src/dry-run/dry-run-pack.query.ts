import { ActorMeta, ActorQuery } from '@qingshou/core';
import type { LocalDate } from '@qingshou/calendar';

/**
 * What a candidate pack (another pack, version or parameters) would do to the tenant's live
 * portfolio as of a date, writing nothing: `POST /packs/dry-run`.
 */
export class DryRunPack extends ActorQuery {
  constructor(
    meta: ActorMeta,
    readonly pack: string,
    readonly version: string | undefined,
    readonly params: Readonly<Record<string, unknown>>,
    /** Default: today in the tenant's zone. */
    readonly asOf?: LocalDate,
  ) {
    super(meta);
  }
}

export interface DryRunReport {
  readonly asOf: LocalDate;
  /** The candidate, `id@version`. */
  readonly pack: string;
  /** What the tenant runs now, `id@version`, or null. */
  readonly current: string | null;
  readonly evaluated: number;
  /** Per stage, how many open cases would stand in it (`(none)`: on no rung). */
  readonly stageCounts: Readonly<Record<string, number>>;
  readonly stageChanges: readonly {
    caseId: string;
    from: string | null;
    to: string | null;
    reason: string;
  }[];
  readonly tasks: readonly {
    /** Null for work of no case (a routine). */
    caseId: string | null;
    stage: string;
    kind: string;
    title: string;
    dueAt: string;
    slaDueAt: string | null;
  }[];
  readonly notices: readonly {
    caseId: string;
    stage: string;
    template: string;
    recipient: string;
  }[];
  readonly approvals: readonly {
    caseId: string;
    stage: string;
    kind: string;
    approverRole: string;
  }[];
  readonly flags: readonly { caseId: string; flag: string; op: 'set' | 'clear' }[];
  readonly tasksCancelled: number;
  /** Whole counts; the lists above stop at 1000 entries. */
  readonly totals: Readonly<
    Record<'stageChanges' | 'tasks' | 'notices' | 'approvals' | 'flags', number>
  >;
  readonly errors: readonly { caseId: string; reason: string }[];
}
