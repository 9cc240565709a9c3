import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError, requirePermission, viewerOf } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { activeInstallation, InstallationView, viewOf } from '../support/installations';
import { GetCurrentPack } from './get-current-pack.query';

@QueryHandler(GetCurrentPack)
export class GetCurrentPackHandler implements IQueryHandler<GetCurrentPack, InstallationView> {
  constructor(private readonly tx: TenantTx) {}

  async execute(query: GetCurrentPack): Promise<InstallationView> {
    requirePermission(viewerOf(query), 'pack.read-current');
    const row = await this.tx.run(query.tenantId, (em) => activeInstallation(em, query.tenantId));
    if (!row) throw new NotFoundError('pack installation of tenant', query.tenantId);
    return viewOf(row, true);
  }
}
