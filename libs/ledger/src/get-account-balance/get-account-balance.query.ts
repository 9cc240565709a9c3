import { ActorMeta, ActorQuery } from '@qingshou/core';
import type { BalanceSummary } from '../read/balance-summary';

/** The balance as of any date (default: the tenant's business date today). */
export class GetAccountBalance extends ActorQuery {
  constructor(
    meta: ActorMeta,
    readonly accountId: string,
    readonly asOf?: string,
  ) {
    super(meta);
  }
}

export interface AccountBalanceView extends BalanceSummary {
  readonly accountId: string;
  readonly currency: string;
}
