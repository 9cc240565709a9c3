import { requirePermission } from '@qingshou/core';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TenantTx } from '@qingshou/db';
import { viewerOf } from '../domain/collection-command';
import type { Page } from '../domain/cursor';
import type { CaseSummary } from '../domain/read-models';
import { searchCases } from './case-search.sql';
import { SearchCases } from './search-cases.query';

@QueryHandler(SearchCases)
export class SearchCasesHandler implements IQueryHandler<SearchCases, Page<CaseSummary>> {
  constructor(private readonly tx: TenantTx) {}

  execute(query: SearchCases): Promise<Page<CaseSummary>> {
    const viewer = viewerOf(query);
    requirePermission(viewer, 'case.read');
    return this.tx.run(query.tenantId, (em) =>
      searchCases(em, query.tenantId, viewer, query.filters, query.cursor, query.limit),
    );
  }
}
