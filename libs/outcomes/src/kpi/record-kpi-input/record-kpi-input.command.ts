import { ActorCommand, ActorMeta } from '@qingshou/core';

/**
 * Figures no ledger holds: the deposit (缴存) balance, a recovery plan, and what was recovered
 * in the period before the book's first day (期初已回收, added to recoveredVsPlan's numerator).
 */
export const KPI_INPUTS = ['deposit-balance', 'recovery-plan', 'recovered-opening'] as const;
export type KpiInputName = (typeof KPI_INPUTS)[number];

/**
 * A figure no ledger holds, valid for a period: the deposit (缴存) balance behind the
 * loan-to-deposit ratio (篇九 个贷率), or a group's recovery plan. One per input, group and
 * period start; recording it again replaces the amount.
 */
export class RecordKpiInput extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly input: {
      readonly input: KpiInputName;
      readonly groupType?: string;
      readonly groupId?: string;
      readonly periodStart: string;
      readonly periodEnd: string;
      readonly amount: string;
      readonly note?: string;
    },
  ) {
    super(meta);
  }
}

export interface RecordedKpiInput {
  readonly id: string;
  readonly groupType: string;
  readonly groupId: string;
}
