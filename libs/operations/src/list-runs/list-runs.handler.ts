import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isLocalDate } from '@qingshou/calendar';
import { ValidationFailedError } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { listRuns, type RunView } from '../support/run-rows';
import { ListRuns } from './list-runs.query';

@QueryHandler(ListRuns)
export class ListRunsHandler implements IQueryHandler<ListRuns, RunView[]> {
  constructor(private readonly tx: TenantTx) {}

  execute(query: ListRuns): Promise<RunView[]> {
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
