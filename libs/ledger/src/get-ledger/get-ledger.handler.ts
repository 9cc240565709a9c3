import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { assertAccountVisible, requirePermission, viewerOf } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { AccountBalances } from '../read/account-balances.service';
import { resolveAsOf } from '../support/as-of';
import { BusinessDate } from '../support/business-date';
import { GetLedger, LedgerView } from './get-ledger.query';
import { ledgerView } from './ledger-view';

@QueryHandler(GetLedger)
export class GetLedgerHandler implements IQueryHandler<GetLedger, LedgerView> {
  constructor(
    private readonly tx: TenantTx,
    private readonly dates: BusinessDate,
    private readonly balances: AccountBalances,
  ) {}

  execute(query: GetLedger): Promise<LedgerView> {
    // The ledger is read through a visible case (篇八); jobs read as the system viewer.
    const viewer = viewerOf(query);
    requirePermission(viewer, 'ledger.read');
    return this.tx.run(query.tenantId, async (em) => {
      await assertAccountVisible(em, viewer, query.tenantId, query.accountId);
      const loaded = await this.balances.load(em, query.tenantId, query.accountId);
      const asOf = await resolveAsOf(em, this.dates, query.tenantId, query.asOf);
      return ledgerView(loaded, this.balances.compute(query.tenantId, loaded, asOf));
    });
  }
}
