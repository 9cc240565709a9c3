import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { requirePermission, viewerOf } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { CalendarService } from '@qingshou/calendar';
import { driveWindow, resolveAsOf } from '@qingshou/outcomes';
import { ListRecoveryPlans, RecoveryPlans } from './list-recovery-plans.query';

@QueryHandler(ListRecoveryPlans)
export class ListRecoveryPlansHandler implements IQueryHandler<ListRecoveryPlans, RecoveryPlans> {
  constructor(
    private readonly tx: TenantTx,
    private readonly calendar: CalendarService,
  ) {}

  execute(query: ListRecoveryPlans): Promise<RecoveryPlans> {
    requirePermission(viewerOf(query), 'kpi.read');
    return this.tx.run(query.tenantId, async (em) => {
      const asOf = await resolveAsOf(em, this.calendar, query.tenantId, query.asOf);
      const drive = await driveWindow(em, query.tenantId, asOf);
      const year = asOf.slice(0, 4);
      const window = drive
        ? { start: drive.startsOn, end: drive.endsOn, drive: true }
        : { start: `${year}-01-01`, end: `${year}-12-31`, drive: false };
      // The plan in force on the as-of date (as the calculator reads it), per group.
      const rows = await em.execute<
        {
          group_type: string;
          group_id: string;
          code: string;
          name: string;
          amount: string | null;
        }[]
      >(
        `with g as (
           select 'tenant' as group_type, t.id as group_id, '' as code, t.name, 0 as ord
           from tenants t where t.id = ?
           union all
           select dg.type, dg.id, dg.code, dg.name, 1
           from debtor_groups dg where dg.tenant_id = ? and dg.type = any(?::text[]))
         select g.group_type, g.group_id::text, g.code, g.name, k.amount::text as amount
         from g
         left join lateral (
           select amount from kpi_inputs k
           where k.tenant_id = ? and k.input = 'recovery-plan' and k.group_type = g.group_type
             and k.group_id = g.group_id and k.period_start <= ? and k.period_end >= ?
           order by k.period_start desc limit 1) k on true
         order by g.ord, g.group_type, g.code, g.name`,
        [
          query.tenantId,
          query.tenantId,
          `{${query.groupTypes.join(',')}}`,
          query.tenantId,
          asOf,
          asOf,
        ],
      );
      return {
        asOf,
        window,
        rows: rows.map((r) => ({
          groupType: r.group_type,
          groupId: r.group_id,
          code: r.code,
          name: r.name,
          amount: r.amount,
        })),
      };
    });
  }
}
