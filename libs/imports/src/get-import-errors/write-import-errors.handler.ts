import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { requirePermission, viewerOf } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { loadImport } from '../support/import-rows';
import { writeImportErrorsCsv } from './import-errors-csv';
import { WriteImportErrors } from './write-import-errors.query';

@QueryHandler(WriteImportErrors)
export class WriteImportErrorsHandler implements IQueryHandler<WriteImportErrors, void> {
  constructor(private readonly tx: TenantTx) {}

  async execute(query: WriteImportErrors): Promise<void> {
    requirePermission(viewerOf(query), 'import.read');
    const job = await this.tx.run(query.tenantId, (em) =>
      loadImport(em, query.tenantId, query.importId),
    );
    query.onFound?.(`${job.fileName.replace(/\.[^.]*$/, '')}-errors.csv`);
    await writeImportErrorsCsv(this.tx, query.tenantId, job.id, query.out);
  }
}
