import { EntityManager } from '@mikro-orm/postgresql';
import { visibleCasesSql } from '@qingshou/core';
import type { Viewer } from '../domain/collection-command';
import { decodeCursor, encodeCursor, pageSize, toPage } from '../domain/cursor';
import {
  CASE_BALANCE_JOIN,
  CASE_SUMMARY_COLUMNS,
  CASE_SUMMARY_JOINS,
  CaseSummaryRow,
  toCaseSummary,
} from '../support/case-sql';
import { accountInstallmentCountsJoin } from '../support/overdue-installments.sql';
import { isoInstant } from '../support/sql-values';
import {
  CASE_ACCOUNTS_JOIN,
  CASE_FLAGS_SQL,
  CASE_GROUPS_SQL,
  caseFilterSql,
  NEXT_TASK_JOIN,
} from './case-filter.sql';
import { type CasePoolItem, type CasePoolPage, maskAccountRef, POOL_TOTAL_CAP } from './case-pool';
import {
  type CaseFilters,
  type CaseOrder,
  type CaseSort,
  LOAN_CLASSES,
} from './search-cases.query';

/** Sort key expression and the type its cursor value is cast back to. */
const SORT_KEYS: Readonly<Record<CaseSort, { expr: string; type: string }>> = {
  priority: { expr: 'c.priority', type: 'int' },
  dpd: { expr: 'bal.dpd', type: 'int' },
  amount: { expr: 'bal.amount_due', type: 'numeric' },
  opened: { expr: 'c.opened_on', type: 'date' },
  // A case with no open task sorts after every dated one (ascending).
  'next-due': { expr: `coalesce(nt.next_due_at, 'infinity'::timestamptz)`, type: 'timestamptz' },
};

interface PoolRow extends CaseSummaryRow {
  refs: string[] | null;
  loan_rank: number | null;
  flags: string[];
  groups: { id: string; type: string; name: string }[] | string;
  next_due_at: string | null;
  sort_key: string;
}

const POOL_JOINS = `${CASE_SUMMARY_JOINS} ${CASE_ACCOUNTS_JOIN} ${NEXT_TASK_JOIN}`;

function toItem(row: PoolRow): CasePoolItem {
  const groups = typeof row.groups === 'string' ? JSON.parse(row.groups) : row.groups;
  return {
    ...toCaseSummary(row),
    accountRefs: (row.refs ?? []).map(maskAccountRef),
    loanClass: row.loan_rank ? LOAN_CLASSES[Number(row.loan_rank) - 1] : null,
    overdueInstallments: null,
    flags: row.flags ?? [],
    groups,
    nextDueAt: isoInstant(row.next_due_at),
  };
}

/**
 * The case pool (案件查询): visibility first, then the filters and search box, then a
 * keyset on (sort key, id) in the chosen direction, and the total over all pages. Without a
 * sort the order is the case search's usual one (priority high first, oldest first).
 */
export async function searchCasePool(
  em: EntityManager,
  tenantId: string,
  viewer: Viewer,
  filters: CaseFilters,
  order: CaseOrder,
  cursor?: string,
  limit?: number,
): Promise<CasePoolPage> {
  const size = pageSize(limit);
  const visible = visibleCasesSql(viewer);
  const conditions = caseFilterSql(tenantId, filters);
  const where = ['c.tenant_id = ?', visible.sql, ...conditions.where];
  const params: unknown[] = [tenantId, ...visible.params, ...conditions.params];
  // Counted up to the cap, with only the joins the conditions name: the rows' own laterals
  // (refs, next task, flags) are read for the page alone.
  const condition = where.join(' and ');
  const [{ counted }] = await em.execute<{ counted: number }[]>(
    `select count(*)::int as counted from (
       select 1 from cases c ${countJoins(condition)} where ${condition} limit ${POOL_TOTAL_CAP + 1}
     ) matched`,
    params,
  );
  const totalCapped = counted > POOL_TOTAL_CAP;
  const total = Math.min(counted, POOL_TOTAL_CAP);

  const sort = order.sort;
  const desc = sort
    ? (order.direction ?? (sort === 'priority' ? 'desc' : 'asc')) === 'desc'
    : false;
  const kind = sort ? `cases:${sort}:${desc ? 'desc' : 'asc'}` : 'cases';
  const key = sort ? SORT_KEYS[sort] : null;
  const pageWhere = [...where];
  const pageParams = [...params];
  if (cursor && key) {
    const [value, id] = decodeCursor(kind, cursor, 2);
    pageWhere.push(`(${key.expr}, c.id) ${desc ? '<' : '>'} (?::${key.type}, ?::uuid)`);
    pageParams.push(value, id);
  } else if (cursor) {
    const [negPriority, openedOn, id] = decodeCursor(kind, cursor, 3);
    pageWhere.push('(-c.priority, c.opened_on, c.id) > (?::int, ?::date, ?::uuid)');
    pageParams.push(negPriority, openedOn, id);
  }
  const direction = desc ? 'desc' : 'asc';
  const orderBy = key
    ? `${key.expr} ${direction}, c.id ${direction}`
    : '-c.priority, c.opened_on, c.id';
  const rows = await em.execute<PoolRow[]>(
    `select ${CASE_SUMMARY_COLUMNS}, acc.refs, acc.loan_rank, nt.next_due_at,
            ${CASE_FLAGS_SQL} as flags, ${CASE_GROUPS_SQL} as groups,
            (${key ? key.expr : 'c.priority'})::text as sort_key
     from cases c ${POOL_JOINS}
     where ${pageWhere.join(' and ')}
     order by ${orderBy}
     limit ${size + 1}`,
    pageParams,
  );
  const page = toPage(rows, size, toItem, (row) =>
    key
      ? encodeCursor(kind, [row.sort_key, row.id])
      : encodeCursor(kind, [-row.priority, row.opened_on, row.id]),
  );
  const counts = await installmentCounts(
    em,
    tenantId,
    page.items.map((i) => i.id),
  );
  const items = page.items.map((i) => ({ ...i, overdueInstallments: counts.get(i.id) ?? null }));
  return { ...page, items, total, ...(totalCapped ? { totalCapped } : {}) };
}

/** The joins of POOL_JOINS that `condition` refers to, by their aliases. */
function countJoins(condition: string): string {
  const uses = (alias: string) => new RegExp(`\\b${alias}\\.`).test(condition);
  return [
    uses('d') ? 'join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id' : '',
    uses('u') ? 'left join users u on u.tenant_id = c.tenant_id and u.id = c.assignee_id' : '',
    uses('bal') ? CASE_BALANCE_JOIN : '',
    uses('acc') ? CASE_ACCOUNTS_JOIN : '',
    uses('nt') ? NEXT_TASK_JOIN : '',
  ].join(' ');
}

/** 连续/累计逾期期数 of the page's cases only (a page is small; the whole pool is not). */
async function installmentCounts(
  em: EntityManager,
  tenantId: string,
  caseIds: readonly string[],
): Promise<Map<string, { consecutive: number; cumulative: number }>> {
  if (caseIds.length === 0) return new Map();
  const rows = await em.execute<{ case_id: string; consecutive: number; cumulative: number }[]>(
    `select ca.case_id, max(oi.consecutive)::int as consecutive, max(oi.cumulative)::int as cumulative
     from case_accounts ca
     join account_balances ab on ab.tenant_id = ca.tenant_id and ab.account_id = ca.account_id
     ${accountInstallmentCountsJoin('ca.account_id')}
     where ca.tenant_id = ? and ca.case_id = any(?::uuid[])
     group by ca.case_id`,
    [tenantId, `{${caseIds.join(',')}}`],
  );
  return new Map(
    rows.map((r) => [
      String(r.case_id),
      { consecutive: Number(r.consecutive), cumulative: Number(r.cumulative) },
    ]),
  );
}
