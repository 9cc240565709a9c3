import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { requirePermission, viewerOf } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { FigureCause, FigureCauseKind, ListFigureCauses } from './list-figure-causes.query';

// One statement over the tables that record each cause, dated in the tenant's zone. The first
// installation is not an upgrade (nothing was measured before it); a plan counts the groups
// whose figure was entered that day.
const CAUSES_SQL = `
  with z as (select time_zone from tenants where id = ?)
  select * from (
    select (i.finished_at at time zone z.time_zone)::date::text as date,
           case when i.kind = 'payments' then 'repayments' else 'import' end as kind,
           case when i.kind = 'payments' then coalesce((i.counts->>'paymentsCreated')::int, 0)
                else coalesce((i.counts->>'debtorsCreated')::int, 0) end as count,
           coalesce((i.counts->>'accountsCreated')::int, i.rows_ok) as accounts,
           null as from_v, i.file_name as to_v, i.finished_at as at
    from imports i, z
    where i.tenant_id = ? and i.status = 'succeeded' and i.finished_at is not null
      -- A file imported again that added nothing moved no figure.
      and coalesce((i.counts->>'debtorsCreated')::int, 0) + coalesce((i.counts->>'accountsCreated')::int, 0)
          + coalesce((i.counts->>'paymentsCreated')::int, 0) > 0
    union all
    select (p.installed_at at time zone z.time_zone)::date::text, 'pack', 0, 0, prev.version,
           p.version, p.installed_at
    from pack_installations p
    join pack_installations prev
      on prev.tenant_id = p.tenant_id and prev.superseded_by = p.id, z
    where p.tenant_id = ?
    union all
    select (k.recorded_at at time zone z.time_zone)::date::text, 'plan',
           count(distinct k.group_id)::int, 0, null, null, max(k.recorded_at)
    from kpi_inputs k, z
    where k.tenant_id = ? and k.input = 'recovery-plan'
    group by 1
    union all
    select d.launch_date::text, 'drive', 0, 0, null, d.ends_on::text, d.launch_date::timestamptz
    from drives d where d.tenant_id = ?) c
  where c.date between ?::date::text and ?::date::text
  order by c.date, c.at, c.kind`;

@QueryHandler(ListFigureCauses)
export class ListFigureCausesHandler implements IQueryHandler<ListFigureCauses, FigureCause[]> {
  constructor(private readonly tx: TenantTx) {}

  execute(query: ListFigureCauses): Promise<FigureCause[]> {
    requirePermission(viewerOf(query), 'kpi.read');
    return this.tx.run(query.tenantId, async (em) => {
      const rows = await em.execute<
        {
          date: string;
          kind: FigureCauseKind;
          count: number;
          accounts: number;
          from_v: string | null;
          to_v: string | null;
        }[]
      >(CAUSES_SQL, [...Array<string>(5).fill(query.tenantId), query.from, query.to]);
      return rows.map((r) => ({
        date: r.date,
        kind: r.kind,
        count: Number(r.count),
        accounts: Number(r.accounts),
        from: r.from_v,
        to: r.to_v,
      }));
    });
  }
}
