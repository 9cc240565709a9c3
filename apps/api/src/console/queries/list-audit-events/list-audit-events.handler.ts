import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { requirePermission, viewerOf } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { AuditPage, ListAuditEvents } from './list-audit-events.query';

/**
 * Reads event_log (no write): the filter's dates are the tenant's local days, so the window
 * is computed in SQL with the tenant's own time_zone (a day in Shanghai starts at 16:00 UTC).
 */
@QueryHandler(ListAuditEvents)
export class ListAuditEventsHandler implements IQueryHandler<ListAuditEvents, AuditPage> {
  constructor(private readonly tx: TenantTx) {}

  execute(query: ListAuditEvents): Promise<AuditPage> {
    requirePermission(viewerOf(query), 'audit.read');
    const { from, to, actorId, type, beforeSeq } = query.filter;
    const size = Math.min(Math.max(1, Math.trunc(query.pageSize)), 200);
    const where = `e.tenant_id = ?
      and (?::date is null or e.occurred_at >= (?::date::timestamp at time zone t.time_zone))
      and (?::date is null or e.occurred_at < ((?::date + 1)::timestamp at time zone t.time_zone))
      and (?::text is null or e.actor_id = ?::text)
      and (?::text is null or e.type = ?::text)`;
    const params = [query.tenantId, from, from, to, to, actorId, actorId, type, type];
    return this.tx.run(query.tenantId, async (em) => {
      const rows = await em.execute<Record<string, unknown>[]>(
        `select e.seq, e.type, e.aggregate_type, e.aggregate_id, e.actor_id, u.display_name,
                to_json(e.occurred_at) #>> '{}' as occurred_at
         from event_log e
         join tenants t on t.id = e.tenant_id
         left join users u on u.tenant_id = e.tenant_id and u.id::text = e.actor_id
         where ${where} and (?::bigint is null or e.seq < ?::bigint)
         order by e.seq desc
         limit ${size + 1}`,
        [...params, beforeSeq, beforeSeq],
      );
      const [{ total }] = await em.execute<{ total: string }[]>(
        `select count(*) as total from event_log e join tenants t on t.id = e.tenant_id
         where ${where}`,
        params,
      );
      const actors = await em.execute<{ id: string; name: string }[]>(
        `select u.id::text as id, u.display_name as name from users u
         where u.tenant_id = ? order by u.display_name, u.id`,
        [query.tenantId],
      );
      const types = await em.execute<{ type: string }[]>(
        `select distinct type from event_log where tenant_id = ? order by type`,
        [query.tenantId],
      );
      const page = rows.slice(0, size).map((r) => ({
        seq: Number(r.seq),
        type: String(r.type),
        aggregateType: String(r.aggregate_type),
        aggregateId: String(r.aggregate_id),
        caseId: r.aggregate_type === 'case' ? String(r.aggregate_id) : null,
        actorId: String(r.actor_id),
        actorName: r.display_name === null ? null : String(r.display_name),
        occurredAt: String(r.occurred_at),
      }));
      return {
        rows: page,
        total: Number(total),
        nextBeforeSeq: rows.length > size ? page[page.length - 1].seq : null,
        actors,
        types: types.map((t) => t.type),
      };
    });
  }
}
