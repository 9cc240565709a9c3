import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TenantTx } from '@qingshou/db';
import { ImportView, loadImport, viewOf } from '../support/import-rows';
import { GetImport } from './get-import.query';

@QueryHandler(GetImport)
export class GetImportHandler implements IQueryHandler<GetImport, ImportView> {
  constructor(private readonly tx: TenantTx) {}

  execute(query: GetImport): Promise<ImportView> {
    return this.tx.run(query.tenantId, async (em) =>
      viewOf(await loadImport(em, query.tenantId, query.importId)),
    );
  }
}
