import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  requirePermission,
  Role,
} from '@qingshou/core';
import { viewerOf } from '../domain/collection-command';
import { Task } from '../entities/task.entity';
import { oneOf, textArg } from '../support/args';
import { CollectionTx, PUBLISH } from '../support/collection-tx';
import { caseScopeOf, isCollectorOnly, visibleCasesSql } from '@qingshou/core';
import { CompleteTask } from './complete-task.command';
import { recordDeliverable } from './task-deliverables';

@CommandHandler(CompleteTask)
export class CompleteTaskHandler implements ICommandHandler<CompleteTask, { status: string }> {
  constructor(private readonly tx: CollectionTx) {}

  execute(command: CompleteTask): Promise<{ status: string }> {
    const viewer = viewerOf(command);
    requirePermission(viewer, 'task.manage');
    const status = oneOf(command.status, ['done', 'cancelled'] as const, 'status');
    const note = textArg(command.note, 'note');
    return this.tx.run(command, async (w) => {
      const visible = visibleCasesSql(viewer);
      // A task of no case (a routine's) is seen by its assignee, by its role while it waits
      // unassigned, and by those who see every case.
      const rows = await w.em.execute<{ case_id: string | null }[]>(
        `select t.case_id from tasks t
         left join cases c on c.tenant_id = t.tenant_id and c.id = t.case_id
         where t.tenant_id = ? and t.id = ?
           and (case when t.case_id is null
                  then t.assignee_id = ? or (t.assignee_id is null and t.role = any(?::text[]))
                       or ?::boolean
                  else ${visible.sql} end)`,
        [
          w.tenantId,
          command.taskId,
          command.actorId,
          `{${viewer.roles.join(',')}}`,
          caseScopeOf(viewer).kind === 'all',
          ...visible.params,
        ],
      );
      if (!rows[0]) throw new NotFoundError('task', command.taskId);
      const caseId = rows[0].case_id;
      const found = caseId ? await w.loadCase(caseId) : null;
      const task = await w.em.findOneOrFail(Task, { tenantId: w.tenantId, id: command.taskId });
      if (task.status !== 'open')
        throw new ConflictError(`Task ${task.id} is already ${task.status}`);
      const mine =
        task.assigneeId === command.actorId ||
        (task.assigneeId === null && !!task.role && viewer.roles.includes(task.role as Role));
      if (isCollectorOnly(viewer) && !mine) {
        throw new ForbiddenError('A collector completes their own tasks only');
      }
      // Done records what was done (the kind's deliverable); cancelling needs none.
      const outcome =
        status === 'done'
          ? await recordDeliverable(w.em, w.tenantId, task, command.outcome ?? {}, note)
          : null;
      task.status = status;
      task.completedAt = w.now;
      task.outcomeNote = note;
      task.outcomeResult = outcome?.result ?? null;
      task.outcomeRef = outcome?.ref ?? null;
      const payload = {
        taskId: task.id,
        kind: task.kind,
        status,
        note,
        ...(outcome
          ? { deliverable: outcome.deliverable, result: outcome.result, ref: outcome.ref }
          : {}),
      };
      await w.append([
        found
          ? w.caseEvent('TaskCompleted', found.id, payload, { status: 'open' }, { status })
          : {
              type: 'TaskCompleted',
              aggregateType: 'task',
              aggregateId: task.id,
              payload,
              before: { status: 'open' },
              after: { status },
              publish: PUBLISH,
            },
      ]);
      return { status };
    });
  }
}
