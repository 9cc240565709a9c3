import { CommandMeta, TenantQuery } from '@qingshou/core';
import type { LedgerViewer } from '../access/ledger-access';
import type { BalanceSummary } from '../read/balance-summary';

/** The balance as of any date (default: the tenant's business date today). */
export class GetAccountBalance extends TenantQuery {
  constructor(
    meta: CommandMeta,
    readonly accountId: string,
    readonly asOf?: string,
    /** The person asking; absent for internal reads (jobs), which see every account. */
    readonly viewer?: LedgerViewer,
  ) {
    super(meta);
  }
}

export interface AccountBalanceView extends BalanceSummary {
  readonly accountId: string;
  readonly currency: string;
}
