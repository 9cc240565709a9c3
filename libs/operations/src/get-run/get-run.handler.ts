import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { requirePermission, viewerOf } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { loadRun, viewOf, type RunView } from '../support/run-rows';
import { GetRun } from './get-run.query';

@QueryHandler(GetRun)
export class GetRunHandler implements IQueryHandler<GetRun, RunView> {
  constructor(private readonly tx: TenantTx) {}

  execute(query: GetRun): Promise<RunView> {
    requirePermission(viewerOf(query), 'run.read');
    return this.tx.run(query.tenantId, async (em) =>
      viewOf(await loadRun(em, query.tenantId, query.runId)),
    );
  }
}
