import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { addDays, Clock, instantOf, localDateOf } from '@qingshou/calendar';
import { TenantTx } from '@qingshou/db';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ContactDecision, ContactPolicy, ContactRequest } from '../ports/contact-policy';
import type { ContactChannel, ContactParty } from '../domain/vocabulary';
import { viewerOf } from '../domain/collection-command';
import { decodeCursor, encodeCursor, pageSize, toPage } from '../domain/cursor';
import type { WorklistItem } from '../domain/read-models';
import type { CaseStatus, TaskKind } from '../domain/vocabulary';
import { CASE_BALANCE_JOIN } from '../support/case-sql';
import { tenantTimeZone } from '../support/collection-tx';
import { isoInstant, money } from '../support/sql-values';
import { isCollectorOnly, requirePermission, visibleCasesSql } from '@qingshou/core';
import { GetWorklist, WorklistFilters, WorklistPage } from './get-worklist.query';

const CURSOR = 'worklist';

interface Row {
  id: string;
  case_id: string | null;
  debtor_id: string | null;
  kind: TaskKind;
  title: string | null;
  due_at: string;
  sla_due_at: string | null;
  priority: number;
  missed_count: number;
  role: string | null;
  assignee_id: string | null;
  overdue: boolean;
  case_status: CaseStatus | null;
  debtor_name: string | null;
  dpd: number | null;
  amount_due: string | null;
}

@QueryHandler(GetWorklist)
export class GetWorklistHandler implements IQueryHandler<GetWorklist, WorklistPage> {
  constructor(
    private readonly tx: TenantTx,
    private readonly clock: Clock,
    private readonly contacts: ContactPolicy,
  ) {}

  async execute(query: GetWorklist): Promise<WorklistPage> {
    const viewer = viewerOf(query);
    requirePermission(viewer, 'case.read');
    const size = pageSize(query.limit);
    const now = this.clock.now();
    const page = await this.tx.run(query.tenantId, async (em) => {
      const timeZone = await tenantTimeZone(em, query.tenantId);
      const today = localDateOf(now, timeZone);
      // "Due today" is the tenant's day, not UTC's: up to local midnight tonight.
      const startOfToday = instantOf(today, '00:00', timeZone);
      const startOfTomorrow = instantOf(addDays(today, 1), '00:00', timeZone);
      // The case's visibility is asked of `vc`, the case row the task's own check reads.
      const visible = visibleCasesSql(viewer, 'vc');
      // Besides my own tasks: work waiting unassigned for a role I hold (篇八: the
      // supervisor's `assign` task for each imported case), on a case I may see — or, for
      // those who distribute work, on a case nobody carries yet. A collector still sees only
      // the tasks of his own cases.
      const distributes = !isCollectorOnly(viewer);
      const filter = worklistFilterSql(query.filters, startOfToday);
      // The tasks the page and its total share: the same filters, without the keyset. Two
      // branches (mine; queued for my roles), each walked in the page's order on its own
      // index (tasks_worklist_order, tasks_role_queue), the case's visibility asked per task
      // — so a page reads its 50 tasks, not the collector's thousands (issue 15 §1).
      const branch = (assigned: string, assignedParams: unknown[]) => {
        const balance = filter.needsBalance
          ? `left join cases c on c.tenant_id = t.tenant_id and c.id = t.case_id ${CASE_BALANCE_JOIN}`
          : '';
        return {
          sql: `from tasks t ${balance}
             where t.tenant_id = ? and t.status = 'open' and t.due_at < ? and ${assigned}
               and (t.case_id is null or exists (
                     select 1 from cases vc where vc.tenant_id = t.tenant_id and vc.id = t.case_id
                       and ((?::boolean and t.assignee_id is null and vc.assignee_id is null
                             and vc.team_id is null) or ${visible.sql})))
               ${filter.sql}`,
          params: [
            query.tenantId,
            startOfTomorrow,
            ...assignedParams,
            distributes,
            ...visible.params,
            ...filter.params,
          ],
        };
      };
      const mine = branch('t.assignee_id = ?', [query.actorId]);
      const queued = branch('t.assignee_id is null and t.role = any(?::text[])', [
        `{${viewer.roles.join(',')}}`,
      ]);
      // One set-based count over every page (共 N 项), not a walk of the pages.
      const [counted] = await em.execute<{ total: number; overdue_total: number }[]>(
        `select coalesce(sum(n), 0)::int as total, coalesce(sum(o), 0)::int as overdue_total from (
           select count(*) as n, count(*) filter (where t.due_at < ?) as o ${mine.sql}
           union all
           select count(*), count(*) filter (where t.due_at < ?) ${queued.sql}) counted`,
        [startOfToday, ...mine.params, startOfToday, ...queued.params],
      );
      let keyset = '';
      const keysetParams: unknown[] = [];
      if (query.cursor) {
        const [negPriority, dueAt, id] = decodeCursor(CURSOR, query.cursor, 3);
        keyset = 'and (-t.priority, t.due_at, t.id) > (?::int, ?::timestamptz, ?::uuid)';
        keysetParams.push(negPriority, dueAt, id);
      }
      const ORDER = 'order by -t.priority, t.due_at, t.id';
      const pageOf = (part: typeof mine) =>
        `(select t.id, t.priority, t.due_at ${part.sql} ${keyset} ${ORDER} limit ${size + 1})`;
      // The page's ids first; its cases, debtors and balances are read for those rows only.
      const rows = await em.execute<Row[]>(
        `with page as materialized (
           select * from (${pageOf(mine)} union all ${pageOf(queued)}) both_parts
           order by -priority, due_at, id limit ${size + 1})
         select t.id, t.case_id, c.debtor_id, t.kind, t.title, t.due_at, t.sla_due_at, t.priority,
                t.missed_count, t.role, t.assignee_id, t.due_at < ? as overdue, c.status as case_status,
                d.name as debtor_name, bal.dpd, bal.amount_due
         from page p
         join tasks t on t.tenant_id = ? and t.id = p.id
         left join cases c on c.tenant_id = t.tenant_id and c.id = t.case_id
         left join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
         ${CASE_BALANCE_JOIN}
         ${ORDER}`,
        [
          ...mine.params,
          ...keysetParams,
          ...queued.params,
          ...keysetParams,
          startOfToday,
          query.tenantId,
        ],
      );
      const found = toPage(
        rows,
        size,
        (row) => row,
        (row) => encodeCursor(CURSOR, [-row.priority, isoInstant(row.due_at) as string, row.id]),
      );
      // The page's contact rules in the same transaction, judged for every row at once.
      const items = await this.withContacts(em, query, found.items, now);
      return {
        ...found,
        items,
        total: Number(counted?.total ?? 0),
        overdueTotal: Number(counted?.overdue_total ?? 0),
      };
    });
    return page;
  }

  /**
   * A call task is offered with the contact rules' answer for this moment (issue 4): the
   * page's call tasks are asked in one `checkAll`, one read for the page, not one a row.
   */
  private async withContacts(
    em: EntityManager,
    query: GetWorklist,
    rows: readonly Row[],
    now: Date,
  ): Promise<WorklistItem[]> {
    const asked = rows.flatMap((row, index) => {
      const contact = CONTACT_TASKS[row.kind];
      if (!contact || !row.case_id || !row.debtor_id) return [];
      const request: ContactRequest = {
        tenantId: query.tenantId,
        caseId: row.case_id,
        debtorId: row.debtor_id,
        actorId: query.actorId,
        channel: contact.channel,
        party: contact.party,
        at: now,
      };
      return [{ index, request }];
    });
    const decisions = await this.contacts.checkAll(
      asked.map((a) => a.request),
      em,
    );
    const byRow = new Map(asked.map((a, i) => [a.index, decisions[i] as ContactDecision]));
    return rows.map((row, index) => {
      const decision = byRow.get(index);
      return decision ? { ...toItem(row), contact: contactOf(decision) } : toItem(row);
    });
  }
}

function contactOf(decision: ContactDecision): WorklistItem['contact'] {
  if (decision.allowed) return { allowed: true };
  return {
    allowed: false,
    rule: decision.rule,
    reason: decision.reason,
    params: decision.params ?? {},
    ...(decision.nextAllowedAt ? { nextAllowedAt: decision.nextAllowedAt.toISOString() } : {}),
  };
}

const CONTACT_TASKS: Partial<Record<TaskKind, { channel: ContactChannel; party: ContactParty }>> = {
  call: { channel: 'call', party: 'debtor' },
  visit: { channel: 'visit', party: 'debtor' },
  'contact-guarantor': { channel: 'call', party: 'guarantor' },
};

function toItem(row: Row): WorklistItem {
  return {
    taskId: row.id,
    kind: row.kind,
    title: row.title,
    dueAt: isoInstant(row.due_at) as string,
    slaDueAt: isoInstant(row.sla_due_at),
    priority: row.priority,
    missedCount: Number(row.missed_count ?? 0),
    overdue: row.overdue,
    role: row.role,
    assigneeId: row.assignee_id,
    case: row.case_id
      ? {
          id: row.case_id,
          status: row.case_status as CaseStatus,
          debtorName: row.debtor_name ?? '',
          dpd: Number(row.dpd ?? 0),
          amountDue: money(row.amount_due) ?? '0.00',
        }
      : null,
  };
}

/**
 * The worklist's filters as SQL on tasks `t` and the balance `bal` (empty: no filter);
 * `needsBalance` when a DPD bound asks for the case's balance.
 */
function worklistFilterSql(
  filters: WorklistFilters,
  startOfToday: Date,
): { sql: string; params: unknown[]; needsBalance: boolean } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (filters.kind) {
    parts.push('t.kind = ?');
    params.push(filters.kind);
  }
  if (filters.due === 'overdue') {
    parts.push('t.due_at < ?');
    params.push(startOfToday);
  } else if (filters.due === 'today') {
    parts.push('t.due_at >= ?');
    params.push(startOfToday);
  }
  if (filters.minDpd !== undefined) {
    parts.push('coalesce(bal.dpd, 0) >= ?');
    params.push(filters.minDpd);
  }
  if (filters.maxDpd !== undefined) {
    parts.push('coalesce(bal.dpd, 0) <= ?');
    params.push(filters.maxDpd);
  }
  return {
    sql: parts.map((part) => `and ${part}`).join(' '),
    params,
    needsBalance: filters.minDpd !== undefined || filters.maxDpd !== undefined,
  };
}
