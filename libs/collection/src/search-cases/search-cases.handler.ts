import { requirePermission } from '@qingshou/core';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TenantTx } from '@qingshou/db';
import { viewerOf } from '../domain/collection-command';
import type { CasePoolPage } from './case-pool';
import { searchCasePool } from './case-pool.sql';
import { SearchCases } from './search-cases.query';

/** The case pool: who may read cases sees the ones visibleCasesSql gives them, no more. */
@QueryHandler(SearchCases)
export class SearchCasesHandler implements IQueryHandler<SearchCases, CasePoolPage> {
  constructor(private readonly tx: TenantTx) {}

  execute(query: SearchCases): Promise<CasePoolPage> {
    const viewer = viewerOf(query);
    requirePermission(viewer, 'case.read');
    return this.tx.run(query.tenantId, (em) =>
      searchCasePool(
        em,
        query.tenantId,
        viewer,
        query.filters,
        query.order,
        query.cursor,
        query.limit,
      ),
    );
  }
}
