import { Inject, Optional } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { BackOfficeLedgerAccess, LedgerAccess } from '../access/ledger-access';
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
    @Optional() @Inject(LedgerAccess) access?: LedgerAccess,
  ) {
    this.access = access ?? new BackOfficeLedgerAccess();
  }

  private readonly access: LedgerAccess;

  execute(query: GetLedger): Promise<LedgerView> {
    return this.tx.run(query.tenantId, async (em) => {
      if (query.viewer) await this.access.assertAccountVisible(em, query.viewer, query.accountId);
      const loaded = await this.balances.load(em, query.tenantId, query.accountId);
      const asOf = await resolveAsOf(em, this.dates, query.tenantId, query.asOf);
      return ledgerView(loaded, this.balances.compute(query.tenantId, loaded, asOf));
    });
  }
}
