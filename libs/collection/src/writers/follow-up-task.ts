import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { insertTasks } from './task-writers';

/** A contact's 下次跟进: the case's call task, due on the day the collector set. */
export interface FollowUp {
  readonly caseId: string;
  /** The contact that set it: the key of a task this creates. */
  readonly contactId: string;
  readonly dueAt: Date;
  readonly assigneeId: string | null;
  /** The role whose queue takes it when unassigned (the pack's call role). */
  readonly role: string | null;
  readonly title: string;
  readonly createdBy: string;
  readonly createdAt: Date;
}

/** A follow-up is a call: the kind the case's daily work (电催) is on. */
export const FOLLOW_UP_KIND = 'call';

/**
 * One open task per case and kind (issue 11 §4): the case's open call task, if it has one,
 * moves to the follow-up's time (the earliest due, should older duplicates remain); else a
 * new one is created. Returns the task and whether it was moved.
 */
export async function scheduleFollowUp(
  em: EntityManager,
  tenantId: string,
  followUp: FollowUp,
): Promise<{ taskId: string; moved: boolean }> {
  const moved = await em.execute<{ id: string }[]>(
    `update tasks t set due_at = ?
     where t.tenant_id = ? and t.id = (
       select o.id from tasks o
       where o.tenant_id = ? and o.case_id = ? and o.kind = ? and o.status = 'open'
       order by o.due_at, o.id limit 1 for update)
     returning t.id`,
    [followUp.dueAt, tenantId, tenantId, followUp.caseId, FOLLOW_UP_KIND],
  );
  if (moved[0]) return { taskId: moved[0].id, moved: true };
  const id = randomUUID();
  await insertTasks(em, tenantId, [
    {
      id,
      caseId: followUp.caseId,
      kind: FOLLOW_UP_KIND,
      title: followUp.title,
      dueAt: followUp.dueAt,
      slaDueAt: null,
      assigneeId: followUp.assigneeId,
      role: followUp.role,
      priority: 0,
      idempotencyKey: `follow-up:${followUp.contactId}`,
      createdBy: followUp.createdBy,
      createdAt: followUp.createdAt,
    },
  ]);
  return { taskId: id, moved: false };
}
