import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { requirePermission, viewerOf } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { RUN_COLUMNS, runView } from '../runs/report-runs';
import { pinnedPack } from '@qingshou/outcomes';
import { ListReports, ReportsView } from './list-reports.query';

@QueryHandler(ListReports)
export class ListReportsHandler implements IQueryHandler<ListReports, ReportsView> {
  constructor(private readonly tx: TenantTx) {}

  execute(query: ListReports): Promise<ReportsView> {
    requirePermission(viewerOf(query), 'report.read');
    return this.tx.run(query.tenantId, async (em) => {
      const pack = await pinnedPack(em, query.tenantId);
      const limit = Math.min(Math.max(Math.trunc(query.limit) || 100, 1), 500);
      const rows = await em.execute<Record<string, unknown>[]>(
        `select ${RUN_COLUMNS} from report_runs
         where tenant_id = ? ${query.reportId ? 'and report_id = ?' : ''}
         order by created_at desc, report_id, format limit ${limit}`,
        query.reportId ? [query.tenantId, query.reportId] : [query.tenantId],
      );
      return {
        pack: { id: pack.packId, version: pack.version },
        reports: pack.spec.reports.map((r) => ({
          id: r.id,
          names: r.names,
          schedule: r.schedule,
          per: r.per,
          targets: r.targets,
          metrics: r.metrics.map((m) => m.metric),
          columns: r.columns,
          recipients: r.recipients,
        })),
        runs: rows.map(runView),
      };
    });
  }
}
