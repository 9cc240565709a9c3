import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AssignmentPolicy } from '@qingshou/collection';
import { NotFoundError, requirePermission, viewerOf, visibleCasesSql } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { CaseDates, GetCaseDates } from './get-case-dates.query';

@QueryHandler(GetCaseDates)
export class GetCaseDatesHandler implements IQueryHandler<GetCaseDates, CaseDates> {
  constructor(
    private readonly tx: TenantTx,
    private readonly assignment: AssignmentPolicy,
  ) {}

  async execute(query: GetCaseDates): Promise<CaseDates> {
    const viewer = viewerOf(query);
    requirePermission(viewer, 'case.read');
    const visible = visibleCasesSql(viewer);
    const rules = await this.assignment.rules(query.tenantId);
    return this.tx.run(query.tenantId, async (em) => {
      const [row] = await em.execute<
        { opened_on: string; retain_until: string | null; return_on: string | null }[]
      >(
        `select c.opened_on::text as opened_on,
                (c.opened_on + ?::int)::text as retain_until,
                coalesce(c.client_return_on, c.opened_on + ?::int)::text as return_on
         from cases c where c.tenant_id = ? and c.id = ? and ${visible.sql}`,
        [
          rules.retentionDays,
          rules.returnAfterDays,
          query.tenantId,
          query.caseId,
          ...visible.params,
        ],
      );
      if (!row) throw new NotFoundError('case', query.caseId);
      return { openedOn: row.opened_on, retainUntil: row.retain_until, returnOn: row.return_on };
    });
  }
}
