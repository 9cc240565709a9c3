import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
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
    return this.tx.run(query.tenantId, async (em) => {
      const loaded = await this.balances.load(em, query.tenantId, query.accountId);
      const asOf = await resolveAsOf(em, this.dates, query.tenantId, query.asOf);
      return ledgerView(loaded, this.balances.compute(query.tenantId, loaded, asOf));
    });
  }
}
