import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Clock } from '@qingshou/calendar';
import { requirePermission, viewerOf, visibleCasesSql } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { uncontactedSql } from '@qingshou/policy';
import {
  ListSupervisorCases,
  RISK_REASONS,
  RiskReason,
  SupervisorCaseRow,
} from './list-supervisor-cases.query';

interface Row {
  id: string;
  debtor_name: string;
  status: string;
  stage: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  dpd: number;
  amount_due: string;
  opened_on: string;
  reasons: string[];
}

// Each risk is one EXISTS on an indexed table; `now` and the tenant's day come in as params.
// 7 天未联系 is policy's one definition (from the last contact, or the opening if none).
const RISKS = `array_remove(array[
    case when exists (select 1 from tasks t where t.tenant_id = c.tenant_id and t.case_id = c.id
                        and t.status = 'open' and t.sla_due_at < ?::timestamptz)
         then 'sla-breached' end,
    case when exists (select 1 from tasks t where t.tenant_id = c.tenant_id and t.case_id = c.id
                        and t.status = 'open' and t.due_at < ?::timestamptz)
         then 'task-overdue' end,
    case when exists (select 1 from promises p where p.tenant_id = c.tenant_id and p.case_id = c.id
                        and p.status = 'broken' and p.due_on >= ?::date - 30)
         then 'promise-broken' end,
    case when bal.dpd >= 30 and ${uncontactedSql()}
         then 'no-contact' end
  ], null)`;

@QueryHandler(ListSupervisorCases)
export class ListSupervisorCasesHandler implements IQueryHandler<
  ListSupervisorCases,
  SupervisorCaseRow[]
> {
  constructor(
    private readonly tx: TenantTx,
    private readonly clock: Clock,
  ) {}

  execute(query: ListSupervisorCases): Promise<SupervisorCaseRow[]> {
    const viewer = viewerOf(query);
    requirePermission(viewer, 'case.read');
    const visible = visibleCasesSql(viewer);
    const now = this.clock.now().toISOString();
    const limit = Math.min(Math.max(1, Math.trunc(query.limit)), 500);
    return this.tx.run(query.tenantId, async (em) => {
      const [tenant] = await em.execute<
        { today: string; start_of_today: string; time_zone: string }[]
      >(
        `select (?::timestamptz at time zone time_zone)::date::text as today, time_zone,
                (((?::timestamptz at time zone time_zone)::date)::timestamp at time zone time_zone)::text
                  as start_of_today
         from tenants where id = ?`,
        [now, now, query.tenantId],
      );
      const riskParams = [now, tenant.start_of_today, tenant.today, tenant.today, tenant.time_zone];
      const filter =
        query.list === 'unassigned' ? 'c.assignee_id is null' : `cardinality(${RISKS}) > 0`;
      const rows = await em.execute<Row[]>(
        `select c.id, d.name as debtor_name, c.status, c.stage, c.assignee_id,
                u.display_name as assignee_name, bal.dpd, bal.amount_due::text as amount_due,
                c.opened_on::text as opened_on, ${RISKS} as reasons
         from cases c
         join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
         left join users u on u.tenant_id = c.tenant_id and u.id = c.assignee_id
         left join lateral (
           select coalesce(max(ab.dpd), 0) as dpd, coalesce(sum(ab.total_due), 0) as amount_due
           from case_accounts ca
           join account_balances ab on ab.tenant_id = ca.tenant_id and ab.account_id = ca.account_id
           where ca.tenant_id = c.tenant_id and ca.case_id = c.id
         ) bal on true
         where c.tenant_id = ? and c.closed_on is null and ${visible.sql} and ${filter}
         order by bal.amount_due desc, c.id
         limit ${limit}`,
        [
          ...riskParams,
          query.tenantId,
          ...visible.params,
          ...(query.list === 'at-risk' ? riskParams : []),
        ],
      );
      return rows.map((r) => ({
        id: r.id,
        debtorName: r.debtor_name,
        status: r.status,
        stage: r.stage,
        assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name ?? '' } : null,
        dpd: Number(r.dpd),
        amountDue: r.amount_due,
        openedOn: r.opened_on,
        reasons: r.reasons.filter((x): x is RiskReason =>
          (RISK_REASONS as readonly string[]).includes(x),
        ),
      }));
    });
  }
}
