import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { requirePermission, viewerOf, visibleCasesSql } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { AlertGroup, ListAlertGroups } from './list-alert-groups.query';

@QueryHandler(ListAlertGroups)
export class ListAlertGroupsHandler implements IQueryHandler<ListAlertGroups, AlertGroup[]> {
  constructor(private readonly tx: TenantTx) {}

  execute(query: ListAlertGroups): Promise<AlertGroup[]> {
    const viewer = viewerOf(query);
    requirePermission(viewer, 'alert.read');
    // As ListAlerts: alerts addressed to the viewer, or on cases they may see.
    const cases = visibleCasesSql(viewer);
    return this.tx.run(query.tenantId, async (em) => {
      const rows = await em.execute<{ task_kind: string; n: number; oldest: Date | string }[]>(
        `select t.kind as task_kind, count(*)::int as n, min(a.due_at) as oldest
         from alerts a
         join cases c on c.tenant_id = a.tenant_id and c.id = a.case_id
         join tasks t on t.tenant_id = a.tenant_id and t.id = a.task_id
         where a.tenant_id = ? and a.state = 'open' and (a.addressed_user_id = ? or ${cases.sql})
         group by t.kind
         order by count(*) desc, t.kind`,
        [query.tenantId, viewer.userId, ...cases.params],
      );
      return rows.map((r) => ({
        taskKind: r.task_kind,
        count: Number(r.n),
        oldestDueAt: new Date(r.oldest).toISOString(),
      }));
    });
  }
}
