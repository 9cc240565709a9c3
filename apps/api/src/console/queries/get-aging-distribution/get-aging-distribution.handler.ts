import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { caseScopeOf, requirePermission, viewerOf, visibleCasesSql } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { AgingBucketRow, GetAgingDistribution } from './get-aging-distribution.query';

@QueryHandler(GetAgingDistribution)
export class GetAgingDistributionHandler implements IQueryHandler<
  GetAgingDistribution,
  AgingBucketRow[]
> {
  constructor(private readonly tx: TenantTx) {}

  execute(query: GetAgingDistribution): Promise<AgingBucketRow[]> {
    const viewer = viewerOf(query);
    requirePermission(viewer, 'ledger.read');
    const scope = caseScopeOf(viewer);
    if (scope.kind === 'none') return Promise.resolve([]);
    // Whole-book viewers skip the case join: one scan of account_balances.
    const visible = visibleCasesSql(viewer);
    const filter =
      scope.kind === 'all'
        ? { sql: '', params: [] as unknown[] }
        : {
            sql: `and exists (select 1 from case_accounts ca
                    join cases c on c.tenant_id = ca.tenant_id and c.id = ca.case_id
                   where ca.tenant_id = ab.tenant_id and ca.account_id = ab.account_id
                     and ${visible.sql})`,
            params: visible.params,
          };
    return this.tx.run(query.tenantId, async (em) => {
      // Accounts not overdue are a count apart (`overdue` false), never a leading bar:
      // their "amount due" is nothing, and the pack's buckets are for arrears.
      const rows = await em.execute<
        {
          bucket: string;
          overdue: boolean;
          min_dpd: number;
          accounts: string;
          amount_due: string;
        }[]
      >(
        `select ab.aging_bucket as bucket, ab.dpd > 0 as overdue, min(ab.dpd) as min_dpd,
                count(*) as accounts, sum(ab.total_due)::text as amount_due
         from account_balances ab
         where ab.tenant_id = ? and (ab.total_due > 0 or ab.outstanding_principal > 0)
           ${filter.sql}
         group by ab.aging_bucket, ab.dpd > 0
         order by min(ab.dpd), ab.aging_bucket`,
        [query.tenantId, ...filter.params],
      );
      return rows.map((r) => ({
        bucket: r.bucket,
        overdue: r.overdue,
        minDpd: Number(r.min_dpd),
        accounts: Number(r.accounts),
        amountDue: r.amount_due,
      }));
    });
  }
}
