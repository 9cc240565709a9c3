import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TenantTx } from '@qingshou/db';
import { viewerOf } from '../domain/collection-command';
import type { Page } from '../domain/cursor';
import type { CaseSummary } from '../domain/read-models';
import { searchCases } from '../search-cases/case-search.sql';
import { requireRole } from '../support/permissions';
import { ListDebtorCases } from './list-debtor-cases.query';

@QueryHandler(ListDebtorCases)
export class ListDebtorCasesHandler implements IQueryHandler<ListDebtorCases, Page<CaseSummary>> {
  constructor(private readonly tx: TenantTx) {}

  execute(query: ListDebtorCases): Promise<Page<CaseSummary>> {
    const viewer = viewerOf(query);
    requireRole(viewer, 'readCases');
    return this.tx.run(query.tenantId, (em) =>
      searchCases(
        em,
        query.tenantId,
        viewer,
        { debtorId: query.debtorId },
        query.cursor,
        query.limit,
      ),
    );
  }
}
