import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Clock, localDateOf } from '@qingshou/calendar';
import { requirePermission, viewerOf } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { contributionArrearsSql, Dec, monthsInArrearsSql } from '@qingshou/ledger';
import {
  ContributionArrears,
  EmployerArrearsRow,
  GetContributionArrears,
} from './get-contribution-arrears.query';

interface Row {
  debtor_id: string;
  name: string;
  arrears: string;
  months: number;
  stopped_since: string | null;
}

/** The employer's contribution accounts (one per year, or one per month when imported). */
const ACCOUNTS = `(select a.id from accounts a where a.tenant_id = k.tenant_id
  and a.debtor_id = d.id and a.type = 'employer-contribution')`;

const SQL = `with k as (select ?::uuid as tenant_id, ?::date as as_of)
  select * from (
  select d.id as debtor_id, d.name, e.arrears::text, e.months,
         (select f.set_on::text from pack_flags f where f.tenant_id = k.tenant_id
            and f.flag = 'contribution-stopped' and f.subject = 'debtor' and f.subject_id = d.id
            and f.cleared_on is null) as stopped_since
  from k join debtors d on d.tenant_id = k.tenant_id
  cross join lateral (
    select ${contributionArrearsSql(ACCOUNTS)} as arrears,
           ${monthsInArrearsSql(ACCOUNTS)} as months
  ) e
  where exists (select 1 from accounts a where a.tenant_id = k.tenant_id and a.debtor_id = d.id
                  and a.type = 'employer-contribution')
    and (e.arrears > 0 or e.months > 0)
  ) q
  order by q.stopped_since is null, q.months desc, q.arrears::numeric desc, q.name`;

/** For the leaders who read the dashboard (kpi.read): the whole unit's employers. */
@QueryHandler(GetContributionArrears)
export class GetContributionArrearsHandler implements IQueryHandler<
  GetContributionArrears,
  ContributionArrears
> {
  constructor(
    private readonly tx: TenantTx,
    private readonly clock: Clock,
  ) {}

  execute(query: GetContributionArrears): Promise<ContributionArrears> {
    requirePermission(viewerOf(query), 'kpi.read');
    return this.tx.run(query.tenantId, async (em) => {
      const [tenant] = await em.execute<{ time_zone: string }[]>(
        `select time_zone from tenants where id = ?`,
        [query.tenantId],
      );
      const asOf = localDateOf(this.clock.now(), tenant.time_zone);
      const rows = await em.execute<Row[]>(SQL, [query.tenantId, asOf]);
      const list = rows.map((r): EmployerArrearsRow => ({
        debtorId: r.debtor_id,
        name: r.name,
        arrears: r.arrears,
        months: Number(r.months),
        stoppedSince: r.stopped_since,
      }));
      return {
        asOf,
        employers: list.length,
        stopped: list.filter((r) => r.stoppedSince !== null).length,
        months: list.reduce((sum, r) => sum + r.months, 0),
        arrears: list.reduce((sum, r) => sum.plus(r.arrears), new Dec(0)).toFixed(2),
        rows: list,
      };
    });
  }
}
