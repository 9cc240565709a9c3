import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { assertAccountVisible, requirePermission, viewerOf } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { AccountBalances } from '../read/account-balances.service';
import { summarise } from '../read/balance-summary';
import { resolveAsOf } from '../support/as-of';
import { BusinessDate } from '../support/business-date';
import { AccountBalanceView, GetAccountBalance } from './get-account-balance.query';

/**
 * Loads the account's schedule, fees and payments as rows and runs the domain calculator:
 * the answer for a past date is recomputed, never read from a stored snapshot, so back-dated
 * receipts and reversals are reflected exactly.
 */
@QueryHandler(GetAccountBalance)
export class GetAccountBalanceHandler implements IQueryHandler<
  GetAccountBalance,
  AccountBalanceView
> {
  constructor(
    private readonly tx: TenantTx,
    private readonly dates: BusinessDate,
    private readonly balances: AccountBalances,
  ) {}

  execute(query: GetAccountBalance): Promise<AccountBalanceView> {
    // The ledger is read through a visible case (篇八); jobs read as the system viewer.
    const viewer = viewerOf(query);
    requirePermission(viewer, 'ledger.read');
    return this.tx.run(query.tenantId, async (em) => {
      await assertAccountVisible(em, viewer, query.tenantId, query.accountId);
      const loaded = await this.balances.load(em, query.tenantId, query.accountId);
      const asOf = await resolveAsOf(em, this.dates, query.tenantId, query.asOf);
      const balance = this.balances.compute(query.tenantId, loaded, asOf);
      return {
        accountId: loaded.account.id,
        currency: loaded.account.currency,
        ...summarise(balance),
      };
    });
  }
}
