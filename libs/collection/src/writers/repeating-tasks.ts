import type { EntityManager } from '@mikro-orm/postgresql';
import { compareLocalDates, localDateOf } from '@qingshou/calendar';
import { inBatches, pgList, valuesRows } from './sql-lists';
import { insertTasks, type NewTask } from './task-writers';

/**
 * Issue 11 §4: one open repeating task per case and kind. A ladder series (`every: 1 day`)
 * used to insert a task each period, so an unworked call stacked up (4 open per case). Now
 * the period's instance reuses the open engine task of the same case and kind: its due and
 * SLA roll forward to the new period, it takes the new key (so leaving the stage still
 * cancels it by prefix) and `missed_count` counts the period it went undone. Open
 * duplicates left from before are collapsed on the same run: the newest stays, the others
 * are cancelled as 已合并 (outcome_result `merged`) and count as misses of the one kept.
 * Tasks a person created (not `engine:`) are never reused, except a contact's 下次跟进
 * (key `follow-up:`, writers/follow-up-task): it is the case's call task too, so the
 * series rolls it rather than adding a second open call beside it.
 *
 * A roll never moves a task earlier: the series only moves forward, so an open task due on
 * a later day than the period's was put there by a person (the 下次跟进日期 a collector
 * typed). It keeps that date, and no miss is counted, until the date passes; the first
 * period after it rolls it on and counts the day it went undone.
 */
export interface RolledTasks {
  /** Keys inserted as new tasks (no open one of the case and kind). */
  readonly created: Set<string>;
  /** Keys that rolled an open task forward instead. */
  readonly rolled: Set<string>;
  /** Open duplicates closed as 已合并. */
  readonly merged: number;
  /** Keys whose open task keeps a later date a person set (not moved, no miss). */
  readonly held: Set<string>;
}

interface OpenRow {
  id: string;
  case_id: string;
  kind: string;
  due_at: Date;
}

const groupOf = (caseId: string, kind: string) => `${caseId}|${kind}`;

export async function rollRepeatingTasks(
  em: EntityManager,
  tenantId: string,
  tasks: readonly NewTask[],
  now: Date,
  timeZone: string,
): Promise<RolledTasks> {
  const created = new Set<string>();
  const rolled = new Set<string>();
  const held = new Set<string>();
  let merged = 0;
  for (const batch of inBatches(tasks.filter((t) => t.caseId !== null))) {
    const open = await em.execute<OpenRow[]>(
      `select id, case_id, kind, due_at from tasks
       where tenant_id = ? and status = 'open' and case_id = any(?::uuid[])
         and kind = any(?::text[])
         and (starts_with(created_by, 'engine:') or starts_with(idempotency_key, 'follow-up:'))
       order by case_id, kind, created_at desc, id desc
       for update`,
      [
        tenantId,
        pgList([...new Set(batch.map((t) => t.caseId as string))]),
        pgList([...new Set(batch.map((t) => String(t.kind)))]),
      ],
    );
    const groups = new Map<string, OpenRow[]>();
    for (const row of open) {
      const id = groupOf(row.case_id, row.kind);
      groups.set(id, [...(groups.get(id) ?? []), row]);
    }
    const fresh: NewTask[] = [];
    const freshGroups = new Set<string>();
    const updates: { task: NewTask; keep: OpenRow; missed: number; dueAt: Date }[] = [];
    const holds: { task: NewTask; keep: OpenRow; missed: number }[] = [];
    const extras: string[] = [];
    for (const task of batch) {
      const group = groups.get(groupOf(task.caseId as string, String(task.kind)));
      if (!group || group.length === 0) {
        // Two series of one kind on a case still make one open task.
        const id = groupOf(task.caseId as string, String(task.kind));
        if (!freshGroups.has(id)) fresh.push(task);
        freshGroups.add(id);
        continue;
      }
      const [keep, ...others] = group;
      extras.push(...others.map((o) => o.id));
      merged += others.length;
      // Kept for a later instance of the same case and kind in this batch.
      groups.set(groupOf(task.caseId as string, String(task.kind)), [keep]);
      // Days in the tenant's zone: a follow-up due at 09:00 is not missed by 18:00's period.
      const order = compareLocalDates(
        localDateOf(new Date(keep.due_at), timeZone),
        localDateOf(task.dueAt, timeZone),
      );
      if (order > 0) {
        holds.push({ task, keep, missed: others.length });
        continue;
      }
      // On the person's own day the period takes the task over, at the later of the times.
      const dueAt =
        order === 0 && new Date(keep.due_at) > task.dueAt ? new Date(keep.due_at) : task.dueAt;
      updates.push({ task, keep, missed: others.length + (order < 0 ? 1 : 0), dueAt });
      keep.due_at = dueAt;
    }
    if (extras.length > 0) {
      await em.execute(
        `update tasks set status = 'cancelled', outcome_result = 'merged', outcome_note = '已合并',
           completed_at = ?
         where tenant_id = ? and id = any(?::uuid[]) and status = 'open'`,
        [now, tenantId, pgList(extras)],
      );
    }
    if (updates.length > 0) {
      await em.execute(
        `update tasks t set due_at = v.due_at, sla_due_at = v.sla_due_at,
           idempotency_key = v.key, title = coalesce(v.title, t.title),
           missed_count = t.missed_count + v.missed
         from (values ${valuesRows(updates.length, 6, [
           '::uuid',
           '::timestamptz',
           '::timestamptz',
           '::text',
           '::text',
           '::int',
         ])}) as v(id, due_at, sla_due_at, key, title, missed)
         where t.tenant_id = ? and t.id = v.id`,
        [
          ...updates.flatMap(({ task, keep, missed, dueAt }) => [
            keep.id,
            dueAt,
            task.slaDueAt,
            task.idempotencyKey,
            task.title,
            missed,
          ]),
          tenantId,
        ],
      );
      updates.forEach((u) => rolled.add(u.task.idempotencyKey));
    }
    // A held task keeps its date, key and SLA; only duplicates merged into it count.
    const mergedInto = holds.filter((h) => h.missed > 0);
    for (const h of mergedInto) {
      await em.execute(
        `update tasks set missed_count = missed_count + ? where tenant_id = ? and id = ?`,
        [h.missed, tenantId, h.keep.id],
      );
    }
    holds.forEach((h) => held.add(h.task.idempotencyKey));
    for (const key of await insertTasks(em, tenantId, fresh)) created.add(key);
  }
  return { created, rolled, merged, held };
}
