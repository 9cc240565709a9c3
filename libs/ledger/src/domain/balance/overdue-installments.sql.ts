/**
 * The SQL twin of countOverdueInstallments (连续/累计逾期期数, overdue-installments.ts beside
 * this file — the definition and its reasons are there), for the set-based readers (pack
 * conditions' SQL form, the case pool, the case page, report columns): per
 * account, each installment due before k.as_of is one 期, kept when the receipts in its
 * window (after the previous due date, up to its own) plus credit paid ahead cover its
 * contract amount. Receipts as known on k.as_of: a receipt reversed on or before it never
 * counted. Reads `k` (tenant_id, as_of). `accounts` is an SQL expression for the account
 * ids to count (a subquery or a list). Columns: account_id, consecutive, cumulative;
 * an account with nothing due yet has no row (read it as 0, 0).
 */
export function overdueInstallmentsSql(accounts: string): string {
  return `(select q.account_id,
         (count(*) filter (where not q.kept))::int as cumulative,
         (max(q.r) - coalesce(max(q.r) filter (where q.kept), 0))::int as consecutive
  from (
    select w.account_id, w.r,
           coalesce((select sum(x.amount) from payments x
                     where x.tenant_id = k.tenant_id and x.account_id = w.account_id
                       and x.reverses_payment_id is null and x.paid_on <= k.as_of
                       and x.paid_on <= w.due_date and (w.prev_due is null or x.paid_on > w.prev_due)
                       and not exists (select 1 from payments v where v.tenant_id = x.tenant_id
                                       and v.reverses_payment_id = x.id and v.paid_on <= k.as_of)), 0)
           + greatest(0, coalesce((select sum(x.amount) from payments x
                     where x.tenant_id = k.tenant_id and x.account_id = w.account_id
                       and x.reverses_payment_id is null and x.paid_on <= k.as_of
                       and x.paid_on <= w.prev_due
                       and not exists (select 1 from payments v where v.tenant_id = x.tenant_id
                                       and v.reverses_payment_id = x.id and v.paid_on <= k.as_of)), 0)
                         - w.due_before)
           >= w.amount as kept
    from (
      select i.account_id, i.due_date, i.principal + i.interest as amount,
             row_number() over o as r,
             lag(i.due_date) over o as prev_due,
             coalesce(sum(i.principal + i.interest) over (o rows between unbounded preceding and 1 preceding), 0) as due_before
      from installments i
      where i.tenant_id = k.tenant_id and i.due_date < k.as_of and i.account_id in ${accounts}
      window o as (partition by i.account_id order by i.due_date, i.seq)
    ) w
  ) q
  group by q.account_id)`;
}
