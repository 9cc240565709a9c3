import type { EntityManager } from '@mikro-orm/postgresql';
import type { TaskKind } from '../domain/vocabulary';
import { inBatches, pgList } from './sql-lists';

/**
 * The set-based writers of `tasks`. Collection owns the table: CreateTask and CloseCase
 * write it here, and other libs (the engine's ladder, retention) call these
 * inside their own transaction with their EntityManager, on whole sets of rows.
 */

export interface NewTask {
  readonly id: string;
  readonly caseId: string | null;
  readonly kind: TaskKind | string;
  readonly title: string | null;
  readonly dueAt: Date;
  readonly slaDueAt: Date | null;
  readonly assigneeId: string | null;
  readonly priority: number;
  /** Same key → same task: a second insert of the key creates nothing. */
  readonly idempotencyKey: string;
  readonly createdBy: string;
  readonly createdAt: Date;
  /** The role whose queue takes an unassigned task (the engine's tasks); null otherwise. */
  readonly role?: string | null;
}

/**
 * Inserts tasks, 1 000 rows per statement; a key already taken is skipped (ON CONFLICT:
 * a duplicate key is the expected path of a retried rule, not an error). Returns the keys
 * of the tasks this call created.
 */
export async function insertTasks(
  em: EntityManager,
  tenantId: string,
  tasks: readonly NewTask[],
): Promise<Set<string>> {
  const created = new Set<string>();
  for (const batch of inBatches(tasks)) {
    const rows = await em.execute<{ idempotency_key: string }[]>(
      `insert into tasks (tenant_id, id, case_id, kind, title, due_at, sla_due_at, status,
         assignee_id, priority, idempotency_key, created_by, created_at, role)
       values ${batch.map(() => `(?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?)`).join(', ')}
       on conflict (tenant_id, idempotency_key) do nothing
       returning idempotency_key`,
      batch.flatMap((t) => [
        tenantId,
        t.id,
        t.caseId,
        t.kind,
        t.title,
        t.dueAt,
        t.slaDueAt,
        t.assigneeId,
        t.priority,
        t.idempotencyKey,
        t.createdBy,
        t.createdAt,
        t.role ?? null,
      ]),
    );
    rows.forEach((r) => created.add(r.idempotency_key));
  }
  return created;
}

/** Open tasks of these cases; with key prefixes, only those whose key starts with one. */
export interface OpenTaskSelection {
  readonly caseIds: readonly string[];
  readonly keyPrefixes?: readonly string[];
}

function openTasksWhere(tenantId: string, selection: OpenTaskSelection) {
  const byPrefix = selection.keyPrefixes !== undefined;
  const where = `t.tenant_id = ? and t.status = 'open' and t.case_id = any(?::uuid[])${
    byPrefix
      ? ` and exists (select 1 from unnest(?::text[]) p(prefix)
                      where starts_with(t.idempotency_key, p.prefix))`
      : ''
  }`;
  const params: unknown[] = [tenantId, pgList(selection.caseIds)];
  if (byPrefix) params.push(pgList(selection.keyPrefixes ?? []));
  return { where, params };
}

/**
 * Cancels the open tasks selected, in one statement, noting why; `completedAt` stamps them
 * (closing a case does, the engine leaving a stage does not). Returns the cancelled ids.
 */
export async function cancelOpenTasks(
  em: EntityManager,
  tenantId: string,
  selection: OpenTaskSelection,
  change: { readonly note: string; readonly completedAt?: Date },
): Promise<string[]> {
  if (selection.caseIds.length === 0 || selection.keyPrefixes?.length === 0) return [];
  const { where, params } = openTasksWhere(tenantId, selection);
  const rows = await em.execute<{ id: string }[]>(
    `update tasks t set status = 'cancelled', outcome_note = ?,
       completed_at = coalesce(?::timestamptz, t.completed_at)
     where ${where} returning t.id`,
    [change.note, change.completedAt ?? null, ...params],
  );
  return rows.map((r) => r.id);
}

/**
 * How many tasks `cancelOpenTasks` would cancel, without touching them (a dry run: the rows
 * stay unlocked for collectors completing them).
 */
export async function countOpenTasks(
  em: EntityManager,
  tenantId: string,
  selection: OpenTaskSelection,
): Promise<number> {
  if (selection.caseIds.length === 0 || selection.keyPrefixes?.length === 0) return 0;
  const { where, params } = openTasksWhere(tenantId, selection);
  const [row] = await em.execute<{ n: number }[]>(
    `select count(*)::int as n from tasks t where ${where}`,
    params,
  );
  return Number(row.n);
}

/** Retention's purge: every task of these (closed, expired) cases is deleted. Returns how many. */
export async function purgeCaseTasks(
  em: EntityManager,
  tenantId: string,
  caseIds: readonly string[],
): Promise<number> {
  if (caseIds.length === 0) return 0;
  const [row] = await em.execute<{ n: string }[]>(
    `with gone as (delete from tasks where tenant_id = ? and case_id = any(?::uuid[]) returning 1)
     select count(*)::text as n from gone`,
    [tenantId, pgList(caseIds)],
  );
  return Number(row?.n ?? 0);
}
