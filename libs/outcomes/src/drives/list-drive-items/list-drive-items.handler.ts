import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { requirePermission, viewerOf, visibleCasesSql } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import type { LocalizedText } from '@qingshou/policy';
import { loadDrive } from '../support/drive-rows';
import { DriveItemView, ListDriveItems } from './list-drive-items.query';

@QueryHandler(ListDriveItems)
export class ListDriveItemsHandler implements IQueryHandler<ListDriveItems, DriveItemView[]> {
  constructor(private readonly tx: TenantTx) {}

  execute(query: ListDriveItems): Promise<DriveItemView[]> {
    const viewer = viewerOf(query);
    requirePermission(viewer, 'drive.items.read');
    // A per-case item is seen only through its case (a collector: her own); the drive's
    // own tasks and deliverables are the whole team's.
    const visible = visibleCasesSql(viewer);
    return this.tx.run(query.tenantId, async (em) => {
      const { phases } = await loadDrive(em, query.tenantId, query.driveId);
      const order = new Map(phases.map((p) => [p.phaseKey, p.seq]));
      const rows = await em.execute<Record<string, unknown>[]>(
        `select id, phase_key, kind, item_key, names, role, case_id, quantity, done_quantity,
                status, due_on::text
         from drive_items i
         where tenant_id = ? and drive_id = ? and (?::text is null or phase_key = ?::text)
           and (i.case_id is null
                or exists (select 1 from cases c
                            where c.tenant_id = i.tenant_id and c.id = i.case_id and ${visible.sql}))
         order by kind, item_key, case_id nulls first, id`,
        [
          query.tenantId,
          query.driveId,
          query.phase ?? null,
          query.phase ?? null,
          ...visible.params,
        ],
      );
      return rows
        .map((r): DriveItemView => ({
          id: String(r.id),
          phase: String(r.phase_key),
          kind: r.kind as DriveItemView['kind'],
          item: String(r.item_key),
          names: (r.names as LocalizedText | null) ?? null,
          role: (r.role as string | null) ?? null,
          caseId: (r.case_id as string | null) ?? null,
          quantity: Number(r.quantity),
          done: Number(r.done_quantity),
          status: r.status as DriveItemView['status'],
          dueOn: String(r.due_on),
        }))
        .sort((a, b) => (order.get(a.phase) ?? 0) - (order.get(b.phase) ?? 0));
    });
  }
}
