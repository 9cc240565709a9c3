import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ConflictError, NotFoundError, requirePermission, viewerOf } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { GetReportFile, ReportFile } from './get-report-file.query';

@QueryHandler(GetReportFile)
export class GetReportFileHandler implements IQueryHandler<GetReportFile, ReportFile> {
  constructor(private readonly tx: TenantTx) {}

  execute(query: GetReportFile): Promise<ReportFile> {
    requirePermission(viewerOf(query), 'report.read');
    return this.tx.run(query.tenantId, async (em) => {
      const [row] = await em.execute<
        {
          file_name: string;
          content_type: string;
          sha256: string | null;
          content: Buffer | null;
          state: string;
        }[]
      >(
        `select file_name, content_type, sha256, content, state from report_runs
         where tenant_id = ? and id = ?`,
        [query.tenantId, query.runId],
      );
      if (!row) throw new NotFoundError('report run', query.runId);
      if (row.state !== 'done' || !row.content || !row.sha256) {
        throw new ConflictError(`report run ${query.runId} failed and has no file`);
      }
      return {
        fileName: row.file_name,
        contentType: row.content_type,
        sha256: row.sha256,
        content: row.content,
      };
    });
  }
}
