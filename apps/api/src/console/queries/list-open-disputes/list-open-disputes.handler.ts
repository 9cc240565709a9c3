import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { requirePermission, viewerOf, visibleCasesSql } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { ListOpenDisputes, OpenDisputeRow } from './list-open-disputes.query';

@QueryHandler(ListOpenDisputes)
export class ListOpenDisputesHandler implements IQueryHandler<ListOpenDisputes, OpenDisputeRow[]> {
  constructor(private readonly tx: TenantTx) {}

  execute(query: ListOpenDisputes): Promise<OpenDisputeRow[]> {
    const viewer = viewerOf(query);
    requirePermission(viewer, 'dispute.decide');
    const visible = visibleCasesSql(viewer);
    // DecideDispute lets the named role or a manager decide: the inbox lists exactly those.
    const everyRole = viewer.system || viewer.roles.includes('manager');
    const limit = Math.min(Math.max(1, Math.trunc(query.limit)), 500);
    return this.tx.run(query.tenantId, async (em) => {
      const rows = await em.execute<Record<string, string | null>[]>(
        `select x.id, x.case_id, d.name as debtor_name, a.external_ref, x.kind,
                x.raised_on::text as raised_on, x.due_on::text as due_on, x.decided_by_role,
                u.display_name as raised_by
         from disputes x
         join cases c on c.tenant_id = x.tenant_id and c.id = x.case_id
         join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
         join accounts a on a.tenant_id = x.tenant_id and a.id = x.account_id
         left join users u on u.tenant_id = x.tenant_id and u.id::text = x.raised_by
         where x.tenant_id = ? and x.status = 'open' and ${visible.sql}
           and (? or x.decided_by_role = any(?::text[]))
         order by coalesce(x.due_on, x.raised_on), x.raised_on, x.id
         limit ${limit}`,
        [query.tenantId, ...visible.params, everyRole, `{${viewer.roles.join(',')}}`],
      );
      return rows.map((r) => ({
        id: String(r.id),
        caseId: String(r.case_id),
        debtorName: String(r.debtor_name),
        accountRef: String(r.external_ref),
        kind: String(r.kind),
        raisedOn: String(r.raised_on),
        dueOn: r.due_on,
        decidedByRole: String(r.decided_by_role),
        raisedBy: r.raised_by,
      }));
    });
  }
}
