import { overdueInstallmentsSql } from '@qingshou/ledger';

/**
 * 连续/累计逾期期数 of one account (alias `oi`: consecutive, cumulative; null before the first
 * balance snapshot), counted by the ledger's definition as of the account's snapshot date,
 * so the counts agree with the DPD shown beside them. `ab` is the account's
 * account_balances row, `account` the SQL naming its id.
 */
export function accountInstallmentCountsJoin(account: string): string {
  return `left join lateral (
    select coalesce(t.consecutive, 0) as consecutive, coalesce(t.cumulative, 0) as cumulative
    from (select ab.tenant_id, ab.as_of) k
    left join lateral ${overdueInstallmentsSql(`(${account})`)} t on true
    where ab.as_of is not null
  ) oi on true`;
}
