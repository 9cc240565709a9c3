import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { deliverableOf } from '@qingshou/collection';
import {
  caseScopeOf,
  NotFoundError,
  requirePermission,
  viewerOf,
  visibleCasesSql,
} from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { GetTaskOutcomeForm, OutcomeChoice, TaskOutcomeForm } from './get-task-outcome-form.query';

/** The records a deliverable links to, newest first: the one just made is on top. */
const CHOICES: Readonly<Record<string, string>> = {
  contact: `select id, attempted_at as at, channel as code, outcome_code as label
            from contact_attempts where tenant_id = ? and case_id = ?
            order by attempted_at desc, recorded_at desc limit 10`,
  notice: `select id, created_at as at, 'notice' as code, null as label
           from notices where tenant_id = ? and case_id = ? order by created_at desc limit 10`,
  approval: `select id, requested_at as at, kind as code, null as label
             from approvals where tenant_id = ? and case_id = ? order by requested_at desc limit 10`,
};

@QueryHandler(GetTaskOutcomeForm)
export class GetTaskOutcomeFormHandler implements IQueryHandler<
  GetTaskOutcomeForm,
  TaskOutcomeForm
> {
  constructor(private readonly tx: TenantTx) {}

  execute(query: GetTaskOutcomeForm): Promise<TaskOutcomeForm> {
    const viewer = viewerOf(query);
    requirePermission(viewer, 'task.manage');
    const visible = visibleCasesSql(viewer);
    return this.tx.run(query.tenantId, async (em) => {
      // Seen as CompleteTask sees it: a case's task through the case, a routine's by its
      // assignee or role.
      const [task] = await em.execute<
        { id: string; kind: string; title: string | null; case_id: string | null; name: string }[]
      >(
        `select t.id, t.kind, t.title, t.case_id, d.name
         from tasks t
         left join cases c on c.tenant_id = t.tenant_id and c.id = t.case_id
         left join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
         where t.tenant_id = ? and t.id = ? and t.status = 'open'
           and (case when t.case_id is null
                  then t.assignee_id = ? or (t.assignee_id is null and t.role = any(?::text[]))
                       or ?::boolean
                  else ${visible.sql} end)`,
        [
          query.tenantId,
          query.taskId,
          query.actorId,
          `{${viewer.roles.join(',')}}`,
          caseScopeOf(viewer).kind === 'all',
          ...visible.params,
        ],
      );
      if (!task) throw new NotFoundError('task', query.taskId);
      const deliverable = deliverableOf(task.kind, task.case_id);
      const sql = CHOICES[deliverable];
      const rows =
        sql && task.case_id
          ? await em.execute<{ id: string; at: Date; code: string; label: string | null }[]>(sql, [
              query.tenantId,
              task.case_id,
            ])
          : [];
      const choices = rows.map((r): OutcomeChoice => ({
        id: r.id,
        at: new Date(r.at).toISOString(),
        code: r.code,
        label: r.label,
      }));
      return {
        taskId: task.id,
        kind: task.kind,
        title: task.title,
        caseId: task.case_id,
        debtorName: task.case_id ? task.name : null,
        deliverable,
        choices,
      };
    });
  }
}
