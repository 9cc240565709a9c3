import { EntityManager } from '@mikro-orm/postgresql';
import { ValidationFailedError } from '@qingshou/core';
import { parseMoney } from '@qingshou/ledger';
import type { Viewer } from '../domain/collection-command';
import { decodeCursor, encodeCursor, Page, pageSize, toPage } from '../domain/cursor';
import type { CaseSummary } from '../domain/read-models';
import { CASE_STATUSES } from '../domain/vocabulary';
import {
  CASE_SUMMARY_COLUMNS,
  CASE_SUMMARY_JOINS,
  CaseSummaryRow,
  toCaseSummary,
} from '../support/case-sql';
import { visibleCasesSql } from '@qingshou/core';
import type { CaseFilters } from './search-cases.query';

const CURSOR = 'cases';

function amountFilter(value: string, path: string): string {
  try {
    return parseMoney(value).toFixed(2);
  } catch (error) {
    throw new ValidationFailedError(`${path} is not an amount`, [
      { path, reason: (error as Error).message },
    ]);
  }
}

/**
 * One SQL statement for case search and a debtor's cases: visibility first, then filters,
 * then the keyset `(-priority, opened_on, id) > cursor`. Shared so both lists agree.
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
  const where: string[] = ['c.tenant_id = ?', visible.sql];
  const params: unknown[] = [tenantId, ...visible.params];
  const add = (sql: string, ...values: unknown[]) => {
    where.push(sql);
    params.push(...values);
  };
  if (filters.status?.length) {
    const bad = filters.status.find((s) => !(CASE_STATUSES as readonly string[]).includes(s));
    if (bad)
      throw new ValidationFailedError('bad status', [
        { path: 'status', reason: `unknown status ${bad}` },
      ]);
    add(`c.status in (select jsonb_array_elements_text(?::jsonb))`, JSON.stringify(filters.status));
  }
  if (filters.stage) add('c.stage = ?', filters.stage);
  if (filters.dpdMin !== undefined) add('bal.dpd >= ?', filters.dpdMin);
  if (filters.dpdMax !== undefined) add('bal.dpd <= ?', filters.dpdMax);
  if (filters.assigneeId) add('c.assignee_id = ?', filters.assigneeId);
  if (filters.teamId) add('c.team_id = ?', filters.teamId);
  if (filters.debtorId) add('c.debtor_id = ?', filters.debtorId);
  if (filters.groupId) {
    add(
      `exists (select 1 from debtor_group_members g
               where g.tenant_id = c.tenant_id and g.group_id = ? and g.debtor_id = c.debtor_id)`,
      filters.groupId,
    );
  }
  if (filters.amountMin)
    add('bal.amount_due >= ?::numeric', amountFilter(filters.amountMin, 'amountMin'));
  if (filters.amountMax)
    add('bal.amount_due <= ?::numeric', amountFilter(filters.amountMax, 'amountMax'));
  if (cursor) {
    const [negPriority, openedOn, id] = decodeCursor(CURSOR, cursor, 3);
    add('(-c.priority, c.opened_on, c.id) > (?::int, ?::date, ?::uuid)', negPriority, openedOn, id);
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
