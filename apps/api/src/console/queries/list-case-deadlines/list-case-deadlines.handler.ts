import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Clock, localDateOf } from '@qingshou/calendar';
import { requirePermission, viewerOf, visibleCasesSql } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { CaseDeadline, ListCaseDeadlines } from './list-case-deadlines.query';

@QueryHandler(ListCaseDeadlines)
export class ListCaseDeadlinesHandler implements IQueryHandler<ListCaseDeadlines, CaseDeadline[]> {
  constructor(
    private readonly tx: TenantTx,
    private readonly clock: Clock,
  ) {}

  execute(query: ListCaseDeadlines): Promise<CaseDeadline[]> {
    const viewer = viewerOf(query);
    requirePermission(viewer, 'notice.read');
    const visible = visibleCasesSql(viewer);
    return this.tx.run(query.tenantId, async (em) => {
      const [tenant] = await em.execute<{ time_zone: string }[]>(
        `select time_zone from tenants where id = ?`,
        [query.tenantId],
      );
      const today = localDateOf(this.clock.now(), tenant.time_zone);
      const rows = await em.execute<
        {
          id: string;
          title: string;
          status: string;
          deadline: string;
          explanation: string | null;
          lapsed: boolean;
        }[]
      >(
        `select n.id, n.title, n.status, n.deadline::text as deadline,
                n.deadline_explanation as explanation, n.deadline < ?::date as lapsed
         from notices n
         join cases c on c.tenant_id = n.tenant_id and c.id = n.case_id
         where n.tenant_id = ? and n.case_id = ? and n.deadline is not null and ${visible.sql}
         order by n.deadline desc, n.id`,
        [today, query.tenantId, query.caseId, ...visible.params],
      );
      return rows.map((r) => ({
        noticeId: r.id,
        title: r.title,
        status: r.status,
        deadline: r.deadline,
        explanation: r.explanation,
        lapsed: r.lapsed,
      }));
    });
  }
}
