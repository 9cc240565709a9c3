import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TenantTx } from '@qingshou/db';
import { loadRun, viewOf, type RunView } from '../support/run-rows';
import { GetRun } from './get-run.query';

@QueryHandler(GetRun)
export class GetRunHandler implements IQueryHandler<GetRun, RunView> {
  constructor(private readonly tx: TenantTx) {}

  execute(query: GetRun): Promise<RunView> {
    return this.tx.run(query.tenantId, async (em) =>
      viewOf(await loadRun(em, query.tenantId, query.runId)),
    );
  }
}
