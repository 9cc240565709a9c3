import { ActorCommand, ActorMeta } from '@qingshou/core';

/**
 * A figure no ledger holds, valid for a period: the deposit (缴存) balance behind the
 * loan-to-deposit ratio (篇九 个贷率), or a group's recovery plan. One per input, group and
 * period start; recording it again replaces the amount.
 */
export class RecordKpiInput extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly input: {
      readonly input: 'deposit-balance' | 'recovery-plan';
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
