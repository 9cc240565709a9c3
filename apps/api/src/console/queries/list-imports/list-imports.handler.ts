import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { requirePermission, viewerOf } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { ImportErrorRow, ImportListRow, ListImportErrors, ListImports } from './list-imports.query';

const clamp = (n: number, max: number) => Math.min(Math.max(1, Math.trunc(n)), max);

@QueryHandler(ListImports)
export class ListImportsHandler implements IQueryHandler<ListImports, ImportListRow[]> {
  constructor(private readonly tx: TenantTx) {}

  execute(query: ListImports): Promise<ImportListRow[]> {
    requirePermission(viewerOf(query), 'import.read');
    return this.tx.run(query.tenantId, async (em) => {
      const rows = await em.execute<Record<string, unknown>[]>(
        `select id, kind, mapping_name, file_name, status, rows_total, rows_ok, rows_failed,
                to_json(requested_at) #>> '{}' as requested_at,
                to_json(finished_at) #>> '{}' as finished_at
         from imports where tenant_id = ?
         order by requested_at desc, id limit ${clamp(query.limit, 200)}`,
        [query.tenantId],
      );
      return rows.map((r) => ({
        id: String(r.id),
        kind: String(r.kind),
        mappingName: String(r.mapping_name),
        fileName: String(r.file_name),
        status: String(r.status),
        rowsTotal: Number(r.rows_total),
        rowsOk: Number(r.rows_ok),
        rowsFailed: Number(r.rows_failed),
        requestedAt: String(r.requested_at),
        finishedAt: r.finished_at === null ? null : String(r.finished_at),
      }));
    });
  }
}

@QueryHandler(ListImportErrors)
export class ListImportErrorsHandler implements IQueryHandler<ListImportErrors, ImportErrorRow[]> {
  constructor(private readonly tx: TenantTx) {}

  execute(query: ListImportErrors): Promise<ImportErrorRow[]> {
    requirePermission(viewerOf(query), 'import.read');
    return this.tx.run(query.tenantId, async (em) => {
      const rows = await em.execute<Record<string, unknown>[]>(
        `select row_no, column_name, value, reason, reason_zh from import_row_errors
         where tenant_id = ? and import_id = ?
         order by row_no, seq limit ${clamp(query.limit, 500)}`,
        [query.tenantId, query.importId],
      );
      return rows.map((r) => ({
        rowNo: Number(r.row_no),
        column: String(r.column_name),
        value: String(r.value),
        reason: String(r.reason),
        reasonZh: String(r.reason_zh),
      }));
    });
  }
}
