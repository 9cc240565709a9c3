import { EntityManager } from '@mikro-orm/postgresql';
import { Global, Injectable, Module } from '@nestjs/common';
import { NotFoundError } from '@qingshou/core';
import { LedgerAccess, LedgerViewer } from '@qingshou/ledger';
import { caseScopeOf, visibleCasesSql } from '@qingshou/core';

/**
 * The ledger sees through cases (篇八): a collector reads a debtor's or an account's ledger
 * only while a case for it is visible to them; roles that see all cases see all ledgers.
 */
@Injectable()
export class CaseBasedLedgerAccess extends LedgerAccess {
  async assertDebtorVisible(
    em: EntityManager,
    viewer: LedgerViewer,
    debtorId: string,
  ): Promise<void> {
    if (caseScopeOf(viewer).kind === 'all') return;
    const visible = visibleCasesSql(viewer);
    const rows = await em.execute(
      `select 1 from cases c where c.debtor_id = ? and ${visible.sql} limit 1`,
      [debtorId, ...visible.params],
    );
    if (rows.length === 0) throw new NotFoundError('Debtor', debtorId);
  }

  async assertAccountVisible(
    em: EntityManager,
    viewer: LedgerViewer,
    accountId: string,
  ): Promise<void> {
    if (caseScopeOf(viewer).kind === 'all') return;
    const visible = visibleCasesSql(viewer);
    const rows = await em.execute(
      `select 1 from cases c
       where ${visible.sql}
         and (exists (select 1 from case_accounts ca
                      where ca.tenant_id = c.tenant_id and ca.case_id = c.id and ca.account_id = ?)
              or c.debtor_id = (select a.debtor_id from accounts a where a.id = ?))
       limit 1`,
      [...visible.params, accountId, accountId],
    );
    if (rows.length === 0) throw new NotFoundError('Account', accountId);
  }
}

/** Binds the ledger's access port globally wherever cases exist (the API). */
@Global()
@Module({
  providers: [{ provide: LedgerAccess, useClass: CaseBasedLedgerAccess }],
  exports: [LedgerAccess],
})
export class CaseBasedLedgerAccessModule {}
