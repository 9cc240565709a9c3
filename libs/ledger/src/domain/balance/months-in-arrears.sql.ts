/**
 * 停缴月数 from the contribution ledger: per account, the installments (one per month of 应缴)
 * due before k.as_of that what was paid by then does not cover, oldest first — so an employer
 * that stopped paying in counts the months since it stopped, and a month part paid (少缴)
 * counts until it is made up. Receipts as known on k.as_of: a reversal row is not money and a
 * receipt reversed on or before the date never counted. Reads `k` (tenant_id, as_of).
 * `accounts` is an SQL expression for the account ids (a subquery or a list); the result is
 * one integer, the months over all of them (an import registers one account per month).
 */
export function monthsInArrearsSql(accounts: string): string {
  return `(select count(*)::int from (
      select i.account_id,
             sum(i.principal + i.interest) over (partition by i.account_id
               order by i.due_date, i.seq rows between unbounded preceding and current row) as due_to_date
      from installments i
      where i.tenant_id = k.tenant_id and i.due_date < k.as_of and i.account_id in ${accounts}
    ) w
    where w.due_to_date > coalesce((select sum(x.amount) from payments x
      where x.tenant_id = k.tenant_id and x.account_id = w.account_id
        and x.reverses_payment_id is null and x.paid_on <= k.as_of
        and not exists (select 1 from payments v where v.tenant_id = x.tenant_id
                        and v.reverses_payment_id = x.id and v.paid_on <= k.as_of)), 0))`;
}
