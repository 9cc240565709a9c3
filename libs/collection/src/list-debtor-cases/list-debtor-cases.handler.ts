import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { assertDebtorVisible, NotFoundError, requirePermission } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { viewerOf } from '../domain/collection-command';
import type { Page } from '../domain/cursor';
import type { CaseSummary } from '../domain/read-models';
import { searchCases } from '../search-cases/case-search.sql';
import { ListDebtorCases } from './list-debtor-cases.query';

@QueryHandler(ListDebtorCases)
export class ListDebtorCasesHandler implements IQueryHandler<ListDebtorCases, Page<CaseSummary>> {
  constructor(private readonly tx: TenantTx) {}

  execute(query: ListDebtorCases): Promise<Page<CaseSummary>> {
    const viewer = viewerOf(query);
    requirePermission(viewer, 'case.read');
    return this.tx.run(query.tenantId, async (em) => {
      // A debtor of another tenant, or with no case the viewer may see, is 404 (issue 12),
      // not an empty list: the id must not tell whether the debtor exists.
      const [debtor] = await em.execute(`select 1 from debtors where tenant_id = ? and id = ?`, [
        query.tenantId,
        query.debtorId,
      ]);
      if (!debtor) throw new NotFoundError('Debtor', query.debtorId);
      await assertDebtorVisible(em, viewer, query.tenantId, query.debtorId);
      return searchCases(
        em,
        query.tenantId,
        viewer,
        { debtorId: query.debtorId },
        query.cursor,
        query.limit,
      );
    });
  }
}
