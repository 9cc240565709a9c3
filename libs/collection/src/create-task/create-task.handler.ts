import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CalendarService } from '@qingshou/calendar';
import { ConflictError, ForbiddenError, NotFoundError, requirePermission } from '@qingshou/core';
import { randomUUID } from 'node:crypto';
import { viewerOf } from '../domain/collection-command';
import { isClosedStatus, TASK_KINDS } from '../domain/vocabulary';
import { instantArg, invalidArgument, oneOf, priorityArg, textArg } from '../support/args';
import { CollectionTx } from '../support/collection-tx';
import { isCollectorOnly } from '@qingshou/core';
import { insertTasks } from '../writers/task-writers';
import { CreateTask, CreateTaskResult } from './create-task.command';

@CommandHandler(CreateTask)
export class CreateTaskHandler implements ICommandHandler<CreateTask, CreateTaskResult> {
  constructor(
    private readonly tx: CollectionTx,
    private readonly calendars: CalendarService,
  ) {}

  execute(command: CreateTask): Promise<CreateTaskResult> {
    const viewer = viewerOf(command);
    requirePermission(viewer, 'task.manage');
    const input = command.input;
    const kind = oneOf(input.kind, TASK_KINDS, 'kind');
    const dueAt = instantArg(input.dueAt, 'dueAt');
    const priority = priorityArg(input.priority, 'priority');
    const title = textArg(input.title, 'title', 200);
    const key = textArg(input.idempotencyKey, 'idempotencyKey', 200) ?? `task:${randomUUID()}`;
    const sla = input.slaWorkingHours;
    if (sla !== undefined && (!Number.isFinite(sla) || sla <= 0 || sla > 2000)) {
      invalidArgument('slaWorkingHours', 'must be more than 0 and at most 2000');
    }
    return this.tx.run(command, async (w) => {
      const found = await w.loadCase(input.caseId);
      if (isClosedStatus(found.status))
        throw new ConflictError(`Case ${found.id} is ${found.status}`);
      const assigneeId = input.assigneeId ?? found.assigneeId;
      if (isCollectorOnly(viewer) && assigneeId !== command.actorId) {
        throw new ForbiddenError('A collector creates tasks for themselves only');
      }
      if (assigneeId && assigneeId !== found.assigneeId) {
        const users = await w.em.execute(
          `select 1 from users where tenant_id = ? and id = ? and status = 'active'`,
          [w.tenantId, assigneeId],
        );
        if (users.length === 0) throw new NotFoundError('user', assigneeId);
      }
      const slaDueAt = sla
        ? this.calendars.calendarFor({ timeZone: w.timeZone }).addWorkingHours(w.now, sla)
        : null;
      const id = randomUUID();
      // The set-based writer, not the ORM: a duplicate key is the expected path, not an error.
      const created = await insertTasks(w.em, w.tenantId, [
        {
          id,
          caseId: found.id,
          kind,
          title,
          dueAt,
          slaDueAt,
          assigneeId,
          priority,
          idempotencyKey: key,
          createdBy: command.actorId,
          createdAt: w.now,
        },
      ]);
      if (!created.has(key)) {
        const existing = await w.em.execute<{ id: string }[]>(
          `select id from tasks where tenant_id = ? and idempotency_key = ?`,
          [w.tenantId, key],
        );
        return { id: existing[0].id, created: false };
      }
      const after = {
        taskId: id,
        kind,
        title,
        dueAt: dueAt.toISOString(),
        slaDueAt: slaDueAt?.toISOString() ?? null,
        assigneeId,
        priority,
        idempotencyKey: key,
      };
      await w.append([w.caseEvent('TaskCreated', found.id, after, null, after)]);
      return { id, created: true };
    });
  }
}
