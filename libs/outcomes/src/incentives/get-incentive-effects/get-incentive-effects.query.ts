import type { BalanceSummary } from '@qingshou/ledger';
import { ActorMeta, ActorQuery } from '@qingshou/core';
import type { LocalizedText } from '@qingshou/policy';
import type { IncentiveFigures, IncentiveStatus } from '../relief/evaluate-incentive';
import type { ApprovalState } from '../support/incentive-rows';

/**
 * What each incentive of the pack does for one account as of a date: applied or not, why,
 * and the amounts — what a notice prints ("减免罚息 181.00 元").
 */
export class GetIncentiveEffects extends ActorQuery {
  constructor(
    meta: ActorMeta,
    readonly accountId: string,
    readonly asOf?: string,
  ) {
    super(meta);
  }
}

export interface IncentiveEffectView {
  readonly id: string;
  readonly names: LocalizedText;
  readonly deadline: string | null;
  readonly effect: {
    readonly waive: readonly string[];
    readonly interestAt?: string;
    readonly rateOverride?: string;
  };
  readonly approval: { readonly kind: string; readonly state: ApprovalState } | null;
  readonly status: IncentiveStatus;
  readonly settledOn: string | null;
  readonly printOnNotices: boolean;
  /** Why the incentive is not evaluated (status unsupported). */
  readonly reason: string | null;
  readonly figures: IncentiveFigures | null;
}

export interface IncentiveEffectsView {
  readonly accountId: string;
  readonly asOf: string;
  /** The balance as the ledger shows it on the date, with whatever incentive applies. */
  readonly balance: BalanceSummary;
  readonly incentives: IncentiveEffectView[];
}
