import { ActorMeta, ActorQuery } from '@qingshou/core';

export interface RecoveryPlanRow {
  readonly groupType: string;
  readonly groupId: string;
  readonly code: string;
  readonly name: string;
  /** The plan in force for the window (decimal string, yuan); null when none was entered. */
  readonly amount: string | null;
}

export interface RecoveryPlans {
  readonly asOf: string;
  /** The window a plan is entered for: the current drive's, else the calendar year. */
  readonly window: { readonly start: string; readonly end: string; readonly drive: boolean };
  readonly rows: RecoveryPlanRow[];
}

/**
 * 清收计划: each group's plan (kpi_inputs 'recovery-plan') for the current drive, for the
 * leader to enter or adjust; the tenant's own row first, then the groups of `groupTypes`.
 */
export class ListRecoveryPlans extends ActorQuery {
  constructor(
    meta: ActorMeta,
    readonly asOf: string | undefined,
    readonly groupTypes: readonly string[],
  ) {
    super(meta);
  }
}
