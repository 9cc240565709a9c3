import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  requirePermission,
  viewerOf,
} from '@qingshou/core';
import { revealsInReports } from '../document/report-masking';
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
          revealed: boolean;
        }[]
      >(
        `select file_name, content_type, sha256, content, state, revealed from report_runs
         where tenant_id = ? and id = ?`,
        [query.tenantId, query.runId],
      );
      if (!row) throw new NotFoundError('report run', query.runId);
      if (row.state !== 'done' || !row.content || !row.sha256) {
        throw new ConflictError(`report run ${query.runId} failed and has no file`);
      }
      // A file with whole card and ID numbers is for the roles that may read them.
      if (row.revealed && !revealsInReports(query.roles)) {
        throw new ForbiddenError(
          '此报告含完整证件号/卡号，请自行生成脱敏版本（this file shows full card and ID numbers; generate your own masked copy）',
        );
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
