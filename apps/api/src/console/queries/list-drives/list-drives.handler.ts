import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { requirePermission, viewerOf } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { DriveSummary, ListDrives } from './list-drives.query';

@QueryHandler(ListDrives)
export class ListDrivesHandler implements IQueryHandler<ListDrives, DriveSummary[]> {
  constructor(private readonly tx: TenantTx) {}

  execute(query: ListDrives): Promise<DriveSummary[]> {
    requirePermission(viewerOf(query), 'drive.progress.read');
    const limit = Math.min(Math.max(1, Math.trunc(query.limit)), 50);
    return this.tx.run(query.tenantId, async (em) => {
      const rows = await em.execute<Record<string, unknown>[]>(
        `select id, drive_key, names, launch_date::text as launch_date, ends_on::text as ends_on
         from drives where tenant_id = ? order by launch_date desc, id limit ${limit}`,
        [query.tenantId],
      );
      return rows.map((r) => ({
        id: String(r.id),
        key: String(r.drive_key),
        names: r.names as DriveSummary['names'],
        launchDate: String(r.launch_date),
        endsOn: String(r.ends_on),
      }));
    });
  }
}
