import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { caseScopeOf, requirePermission, viewerOf, visibleCasesSql } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { ListNotices, NoticeListRow } from './list-notices.query';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@QueryHandler(ListNotices)
export class ListNoticesHandler implements IQueryHandler<ListNotices, NoticeListRow[]> {
  constructor(private readonly tx: TenantTx) {}

  execute(query: ListNotices): Promise<NoticeListRow[]> {
    const viewer = viewerOf(query);
    requirePermission(viewer, 'notice.read');
    const scope = caseScopeOf(viewer);
    const { noticeId, status } = query.filter;
    if (scope.kind === 'none' || (noticeId !== undefined && !UUID.test(noticeId))) {
      return Promise.resolve([]);
    }
    const visible = visibleCasesSql(viewer);
    // A notice of no case (a routine letter) is for those who see the whole book only.
    const caseFilter = scope.kind === 'all' ? 'true' : `(c.id is not null and ${visible.sql})`;
    const limit = Math.min(Math.max(1, Math.trunc(query.limit)), 500);
    return this.tx.run(query.tenantId, async (em) => {
      const rows = await em.execute<Record<string, unknown>[]>(
        `select n.id, n.case_id, d.name as debtor_name, n.title, n.template_id, n.channel,
                n.status, n.sent_on::text as sent_on, n.deadline::text as deadline,
                to_json(n.created_at) #>> '{}' as created_at
         from notices n
         join debtors d on d.tenant_id = n.tenant_id and d.id = n.debtor_id
         left join cases c on c.tenant_id = n.tenant_id and c.id = n.case_id
         where n.tenant_id = ? and ${caseFilter}
           and (?::uuid is null or n.id = ?::uuid)
           and (?::text is null or n.status = ?::text)
         order by n.created_at desc, n.id
         limit ${limit}`,
        [
          query.tenantId,
          ...(scope.kind === 'all' ? [] : visible.params),
          noticeId ?? null,
          noticeId ?? null,
          status ?? null,
          status ?? null,
        ],
      );
      return rows.map((r) => ({
        id: String(r.id),
        caseId: r.case_id === null ? null : String(r.case_id),
        debtorName: String(r.debtor_name),
        title: String(r.title),
        templateId: String(r.template_id),
        channel: String(r.channel),
        status: String(r.status),
        sentOn: r.sent_on === null ? null : String(r.sent_on),
        deadline: r.deadline === null ? null : String(r.deadline),
        createdAt: String(r.created_at),
      }));
    });
  }
}
