/** What an account received by k.as_of: a reversal row is not money, a reversed receipt never counted. */
const paidBy = (account: string) => `coalesce((select sum(x.amount) from payments x
      where x.tenant_id = k.tenant_id and x.account_id = ${account}
        and x.reverses_payment_id is null and x.paid_on <= k.as_of
        and not exists (select 1 from payments v where v.tenant_id = x.tenant_id
                        and v.reverses_payment_id = x.id and v.paid_on <= k.as_of)), 0)`;

/**
 * 停缴月数 from the contribution ledger: per account, the installments (one per month of 应缴)
 * due before k.as_of that what was paid by then does not cover, oldest first — so an employer
 * that stopped paying in counts the months since it stopped, and a month part paid (少缴)
 * counts until it is made up. Reads `k` (tenant_id, as_of). `accounts` is an SQL expression
 * for the account ids (a subquery or a list); the result is one integer, the months over all
 * of them (an import registers one account per month).
 */
export function monthsInArrearsSql(accounts: string): string {
  return `(select count(*)::int from (
      select i.account_id,
             sum(i.principal + i.interest) over (partition by i.account_id
               order by i.due_date, i.seq rows between unbounded preceding and current row) as due_to_date
      from installments i
      where i.tenant_id = k.tenant_id and i.due_date < k.as_of and i.account_id in ${accounts}
    ) w
    where w.due_to_date > ${paidBy('w.account_id')})`;
}

/**
 * 欠缴金额 as of k.as_of from the same ledger: per account, what fell due before the date less
 * what was paid by then (never below 0), summed over `accounts` — a numeric.
 */
export function contributionArrearsSql(accounts: string): string {
  return `(select coalesce(sum(greatest(0, t.due - t.paid)), 0) from (
      select (select coalesce(sum(i.principal + i.interest), 0) from installments i
              where i.tenant_id = k.tenant_id and i.account_id = a.id and i.due_date < k.as_of) as due,
             ${paidBy('a.id')} as paid
      from accounts a where a.tenant_id = k.tenant_id and a.id in ${accounts}
    ) t)`;
}
