import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Clock } from '@qingshou/calendar';
import { requirePermission, viewerOf, visibleCasesSql } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { ActivePacks } from '@qingshou/policy';
import {
  ListWorklistDriveItems,
  WorklistDriveItem,
  WorklistDriveItems,
} from './list-worklist-drive-items.query';

interface Row {
  id: string;
  drive_id: string;
  drive_names: { zh: string } | null;
  phase_names: { zh: string } | null;
  item_key: string;
  names: { zh: string } | null;
  case_id: string | null;
  debtor_name: string | null;
  quantity: number;
  done_quantity: number;
  due_on: string;
  overdue: boolean;
  total: number;
}

@QueryHandler(ListWorklistDriveItems)
export class ListWorklistDriveItemsHandler implements IQueryHandler<
  ListWorklistDriveItems,
  WorklistDriveItems
> {
  constructor(
    private readonly tx: TenantTx,
    private readonly packs: ActivePacks,
    private readonly clock: Clock,
  ) {}

  execute(query: ListWorklistDriveItems): Promise<WorklistDriveItems> {
    const viewer = viewerOf(query);
    requirePermission(viewer, 'drive.items.read');
    const visible = visibleCasesSql(viewer);
    const limit = Math.min(Math.max(1, Math.trunc(query.limit)), 100);
    return this.tx.run(query.tenantId, async (em) => {
      const active = await this.packs.active(em, query.tenantId);
      if (!active) return { items: [], total: 0 };
      const spec = active.pack.spec;
      // The pack's roles held through the viewer's platform roles: the items they target.
      const packRoles = (spec.roles ?? [])
        .filter((r) => viewer.roles.includes(r.platformRole as never))
        .map((r) => r.id);
      const [tenant] = await em.execute<{ today: string }[]>(
        `select (?::timestamptz at time zone time_zone)::date::text as today from tenants where id = ?`,
        [this.clock.now().toISOString(), query.tenantId],
      );
      const rows = await em.execute<Row[]>(
        `select i.id, i.drive_id, dr.names as drive_names, p.names as phase_names, i.item_key,
                i.names, i.case_id, d.name as debtor_name, i.quantity, i.done_quantity,
                i.due_on::text, (p.ends_on < ?::date) as overdue, count(*) over ()::int as total
         from drive_items i
         join drives dr on dr.tenant_id = i.tenant_id and dr.id = i.drive_id
         join drive_phases p on p.tenant_id = i.tenant_id and p.drive_id = i.drive_id
                            and p.phase_key = i.phase_key
         left join cases c on c.tenant_id = i.tenant_id and c.id = i.case_id
         left join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
         where i.tenant_id = ? and i.status = 'open' and p.starts_on <= ?::date
           and (i.role is null or i.role = any(?::text[]))
           and (i.case_id is null or ${visible.sql})
           -- A per-case deliverable (the statistics row) is the case task's own record.
           and not (i.kind = 'deliverable' and i.case_id is not null)
           and (?::uuid is null or i.id = ?::uuid)
         order by p.seq, i.due_on, d.name nulls first, i.id
         limit ${limit}`,
        [
          tenant.today,
          query.tenantId,
          tenant.today,
          `{${[...packRoles, ...viewer.roles].join(',')}}`,
          ...visible.params,
          query.itemId ?? null,
          query.itemId ?? null,
        ],
      );
      const kinds = new Map((spec.taskKinds ?? []).map((k) => [k.code, k]));
      const items = rows.map((r): WorklistDriveItem => {
        const kind = kinds.get(r.item_key);
        return {
          id: r.id,
          driveId: r.drive_id,
          driveName: r.drive_names?.zh ?? '',
          phaseName: r.phase_names?.zh ?? '',
          name: r.names?.zh ?? kind?.names.zh ?? '',
          caseId: r.case_id,
          debtorName: r.debtor_name,
          quantity: Number(r.quantity),
          done: Number(r.done_quantity),
          dueOn: r.due_on,
          overdue: r.overdue,
          results: (kind?.results ?? []).map((x) => ({ value: x.code, label: x.zh })),
        };
      });
      return { items, total: rows[0]?.total ?? 0 };
    });
  }
}
