import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { requirePermission, viewerOf } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { ImportView, loadImport, viewOf } from '../support/import-rows';
import { GetImport } from './get-import.query';

@QueryHandler(GetImport)
export class GetImportHandler implements IQueryHandler<GetImport, ImportView> {
  constructor(private readonly tx: TenantTx) {}

  execute(query: GetImport): Promise<ImportView> {
    requirePermission(viewerOf(query), 'import.read');
    return this.tx.run(query.tenantId, async (em) =>
      viewOf(await loadImport(em, query.tenantId, query.importId)),
    );
  }
}
