import { EntityManager } from '@mikro-orm/postgresql';
import { visibleCasesSql } from '@qingshou/core';
import type { Viewer } from '../domain/collection-command';
import { decodeCursor, encodeCursor, Page, pageSize, toPage } from '../domain/cursor';
import type { CaseSummary } from '../domain/read-models';
import {
  CASE_SUMMARY_COLUMNS,
  CASE_SUMMARY_JOINS,
  CaseSummaryRow,
  toCaseSummary,
} from '../support/case-sql';
import { caseFilterSql } from './case-filter.sql';
import type { CaseFilters } from './search-cases.query';

const CURSOR = 'cases';

/**
 * One SQL statement for a debtor's cases (and the default case search): visibility first,
 * then filters, then the keyset `(-priority, opened_on, id) > cursor`.
 */
export async function searchCases(
  em: EntityManager,
  tenantId: string,
  viewer: Viewer,
  filters: CaseFilters,
  cursor?: string,
  limit?: number,
): Promise<Page<CaseSummary>> {
  const size = pageSize(limit);
  const visible = visibleCasesSql(viewer);
  const conditions = caseFilterSql(tenantId, filters);
  const where: string[] = ['c.tenant_id = ?', visible.sql, ...conditions.where];
  const params: unknown[] = [tenantId, ...visible.params, ...conditions.params];
  if (cursor) {
    const [negPriority, openedOn, id] = decodeCursor(CURSOR, cursor, 3);
    where.push('(-c.priority, c.opened_on, c.id) > (?::int, ?::date, ?::uuid)');
    params.push(negPriority, openedOn, id);
  }
  const rows = await em.execute<CaseSummaryRow[]>(
    `select ${CASE_SUMMARY_COLUMNS}
     from cases c ${CASE_SUMMARY_JOINS}
     where ${where.join(' and ')}
     order by -c.priority, c.opened_on, c.id
     limit ${size + 1}`,
    params,
  );
  return toPage(rows, size, toCaseSummary, (row) =>
    encodeCursor(CURSOR, [-row.priority, row.opened_on, row.id]),
  );
}
