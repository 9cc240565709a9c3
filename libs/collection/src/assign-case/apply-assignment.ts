import { randomUUID } from 'node:crypto';
import { CaseAssignment, type Case } from '../entities/case.entity';
import type { CaseWork } from '../support/collection-tx';

/**
 * The supervisor's 分配案件 task on a new case (篇八: the pack's `assign` kind, stored as its
 * base kind `review` for the supervisor role). A case nobody held has no other supervisor
 * review to do (a visit review needs an assignee's visit), so on its first assignment every
 * open supervisor review of the case is the assignment's, and the assignment record is its
 * deliverable.
 */
export const ASSIGN_TASK = { kind: 'review', role: 'supervisor' } as const;

/**
 * Writes one assignment of a loaded (locked) case: ends the current assignment row, records
 * the new one, hands the open work to the new collector (except work for a role they do not
 * hold), closes the supervisor's 分配案件 task (its deliverable, the assignment record, is
 * this row) and appends CaseAssigned. Shared by AssignCase and AutoAssignCases so both
 * leave the same trail. The caller checked who may assign to whom.
 */
export async function applyAssignment(
  w: CaseWork,
  found: Case,
  assigneeId: string,
  teamId: string | null,
  note: string | null | undefined,
): Promise<{ tasksMoved: number }> {
  const before = found.snapshot();
  const previous = found.assigneeId;
  await w.em.execute(
    `update case_assignments set ended_at = ? where tenant_id = ? and case_id = ? and ended_at is null`,
    [w.now, w.tenantId, found.id],
  );
  w.em.create(CaseAssignment, {
    tenantId: w.tenantId,
    id: randomUUID(),
    caseId: found.id,
    fromUserId: previous,
    toUserId: assigneeId,
    teamId,
    handoverNote: note ?? null,
    assignedBy: w.command.actorId,
    assignedAt: w.now,
  });
  const moved = await w.em.execute<{ id: string }[]>(
    `update tasks set assignee_id = ?
     where tenant_id = ? and case_id = ? and status = 'open'
       and not (? and kind = ? and role is not distinct from ?)
       and (assignee_id is null or assignee_id is not distinct from ?)
       and (role is null or role in (select unnest(roles) from users
                                     where tenant_id = ? and id = ?))
     returning id`,
    [
      assigneeId,
      w.tenantId,
      found.id,
      previous === null,
      ASSIGN_TASK.kind,
      ASSIGN_TASK.role,
      previous,
      w.tenantId,
      assigneeId,
    ],
  );
  const closed =
    previous === null
      ? await w.em.execute<{ id: string }[]>(
          `update tasks set status = 'done', completed_at = ?
           where tenant_id = ? and case_id = ? and status = 'open' and kind = ? and role = ?
           returning id`,
          [w.now, w.tenantId, found.id, ASSIGN_TASK.kind, ASSIGN_TASK.role],
        )
      : [];
  found.assigneeId = assigneeId;
  found.teamId = teamId;
  const payload = {
    assigneeId,
    previousAssigneeId: previous,
    teamId,
    handoverNote: note ?? null,
    tasksMoved: moved.length,
    assignTasksDone: closed.map((r) => r.id),
  };
  await w.append([w.caseEvent('CaseAssigned', found.id, payload, before, found.snapshot())]);
  return { tasksMoved: moved.length };
}
