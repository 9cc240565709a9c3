import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isLocalDate } from '@qingshou/calendar';
import { requirePermission, ValidationFailedError, viewerOf } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { listRuns, type RunView } from '../support/run-rows';
import { ListRuns } from './list-runs.query';

@QueryHandler(ListRuns)
export class ListRunsHandler implements IQueryHandler<ListRuns, RunView[]> {
  constructor(private readonly tx: TenantTx) {}

  execute(query: ListRuns): Promise<RunView[]> {
    requirePermission(viewerOf(query), 'run.read');
    if (query.asOf !== undefined && !isLocalDate(query.asOf)) {
      throw new ValidationFailedError('Bad run date', [
        { path: 'asOf', reason: 'must be a real date written YYYY-MM-DD' },
      ]);
    }
    const limit = Math.min(Math.max(1, Math.trunc(query.limit) || 50), 500);
    return this.tx.run(query.tenantId, (em) =>
      listRuns(em, query.tenantId, { asOf: query.asOf, limit }),
    );
  }
}
