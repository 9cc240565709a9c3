import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { requirePermission, viewerOf, visibleCasesSql } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { AccountHit, SearchAccounts } from './search-accounts.query';

interface Row {
  account_id: string;
  ref: string;
  debtor_name: string;
  case_id: string | null;
  total_due: string;
  dpd: number;
}

/** LIKE's own characters typed in a search are meant literally. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

@QueryHandler(SearchAccounts)
export class SearchAccountsHandler implements IQueryHandler<SearchAccounts, AccountHit[]> {
  constructor(private readonly tx: TenantTx) {}

  async execute(query: SearchAccounts): Promise<AccountHit[]> {
    const viewer = viewerOf(query);
    requirePermission(viewer, 'ledger.read');
    const text = query.text.trim().slice(0, 100);
    const byId = query.accountId && UUID.test(query.accountId) ? query.accountId : null;
    if (!text && !byId) return [];
    const visible = visibleCasesSql(viewer);
    const limit = Math.min(Math.max(1, Math.trunc(query.limit)), 100);
    const like = escapeLike(text);
    return this.tx.run(query.tenantId, async (em) => {
      const rows = await em.execute<Row[]>(
        `select ac.id as account_id, ac.external_ref as ref, d.name as debtor_name,
                vc.id as case_id, coalesce(ab.total_due, 0)::text as total_due,
                coalesce(ab.dpd, 0) as dpd
         from accounts ac
         join debtors d on d.tenant_id = ac.tenant_id and d.id = ac.debtor_id
         left join account_balances ab on ab.tenant_id = ac.tenant_id and ab.account_id = ac.id
         join lateral (
           select c.id from case_accounts ca
           join cases c on c.tenant_id = ca.tenant_id and c.id = ca.case_id
           where ca.tenant_id = ac.tenant_id and ca.account_id = ac.id and ${visible.sql}
           order by (c.closed_on is null) desc, c.opened_on desc
           limit 1
         ) vc on true
         where ac.tenant_id = ?
           and (case when ?::uuid is not null then ac.id = ?::uuid
                     else ac.external_ref like ? escape '\\' or d.name like ? escape '\\' end)
         order by coalesce(ab.total_due, 0) desc, ac.id
         limit ${limit}`,
        [...visible.params, query.tenantId, byId, byId, `${like}%`, `%${like}%`],
      );
      return rows.map((r) => ({
        accountId: r.account_id,
        ref: r.ref,
        debtorName: r.debtor_name,
        caseId: r.case_id,
        totalDue: r.total_due,
        dpd: Number(r.dpd),
      }));
    });
  }
}
