import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ConflictError, ForbiddenError, NotFoundError } from '@qingshou/core';
import { viewerOf } from '../domain/collection-command';
import { Task } from '../entities/task.entity';
import { oneOf, textArg } from '../support/args';
import { CollectionTx } from '../support/collection-tx';
import { requireRole } from '../support/permissions';
import { isCollectorOnly, visibleCasesSql } from '../visibility/case-visibility';
import { CompleteTask } from './complete-task.command';

@CommandHandler(CompleteTask)
export class CompleteTaskHandler implements ICommandHandler<CompleteTask, { status: string }> {
  constructor(private readonly tx: CollectionTx) {}

  execute(command: CompleteTask): Promise<{ status: string }> {
    const viewer = viewerOf(command);
    requireRole(viewer, 'manageTasks');
    const status = oneOf(command.status, ['done', 'cancelled'] as const, 'status');
    const note = textArg(command.note, 'note');
    return this.tx.run(command, async (w) => {
      const visible = visibleCasesSql(viewer);
      const rows = await w.em.execute<{ case_id: string }[]>(
        `select t.case_id from tasks t join cases c on c.tenant_id = t.tenant_id and c.id = t.case_id
         where t.tenant_id = ? and t.id = ? and ${visible.sql}`,
        [w.tenantId, command.taskId, ...visible.params],
      );
      if (!rows[0]) throw new NotFoundError('task', command.taskId);
      const found = await w.loadCase(rows[0].case_id);
      const task = await w.em.findOneOrFail(Task, { tenantId: w.tenantId, id: command.taskId });
      if (task.status !== 'open')
        throw new ConflictError(`Task ${task.id} is already ${task.status}`);
      if (isCollectorOnly(viewer) && task.assigneeId !== command.actorId) {
        throw new ForbiddenError('A collector completes their own tasks only');
      }
      task.status = status;
      task.completedAt = w.now;
      task.outcomeNote = note;
      const payload = { taskId: task.id, kind: task.kind, status, note };
      await w.append([
        w.caseEvent('TaskCompleted', found.id, payload, { status: 'open' }, { status }),
      ]);
      return { status };
    });
  }
}
