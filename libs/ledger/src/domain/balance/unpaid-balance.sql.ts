/**
 * The SQL twin of computeBalance (balance.calculator.ts beside this file) for an account that
 * has received nothing and been charged no fee: the set-based writers (an import's first
 * snapshots, issue 15 §4) compute it for a whole chunk in one statement. With no receipt
 * there is no allocation, no billing and no credit, so the calculator's walk reduces to:
 *
 * - an installment due before the date is overdue whole; one due on it is due today;
 * - it accrues 罚息 on its principal and (if compound) 复利 on its interest at the penalty
 *   rate, rate × (1 + markup), over (due date, asOf] — the days the calculator charges
 *   piece by piece between the timeline's cuts — rounded half-up to the fen per installment;
 * - DPD is the oldest overdue installment with something owed; bucket and class by the bands.
 *
 * The calculator sums the pieces in 40-digit decimals. Away from a half-fen tie the two
 * agree exactly: an exact accrual P × R × D / B (P two decimals, R twelve) that is not a tie
 * lies at least 1e-19 from one, and 40 digits err by far less. On an exact tie reached over
 * more than one piece (0.025 as three 1-day pieces of 0.00833…), the pieces' 40-digit
 * roundings may land a hair either side of it: such an account is `ambiguous`, and the
 * caller leaves it to the calculator rather than guess. A tie over one piece is exact both
 * ways.
 *
 * Parameters, in order: tenant id, asOf, the terms as a JSON array (stored terms → terms in
 * force, as refresh-balances/unpaid-snapshots.ts resolves them), account ids (a uuid[]
 * literal), the aging bucket labels and minimum DPDs, the loan-class labels and minimum
 * DPDs. Columns: account_id, the
 * account_balances figures, plus `eligible` (whole schedule, sums to the principal, no
 * ambiguous tie). Accounts with a receipt (or a reversal), a fee, terms that changed over
 * time or a rate the calculator refuses have no row.
 */
export const UNPAID_BALANCES_SQL = `
  with k as (select ?::uuid as tenant_id, ?::date as as_of),
  terms as (
    select * from jsonb_to_recordset(?::jsonb) as t(stored_markup numeric,
      stored_compound boolean, stored_basis int, own text[], markup numeric, compound boolean,
      basis int)
  ),
  acc as (
    select a.id, a.principal, a.annual_rate * (1 + t.markup) as penalty_rate, t.compound,
      t.basis
    -- Driven by the ids, one primary-key probe each (offset 0 keeps it a probe): a filter on
    -- the tenant's accounts would read the whole book for every chunk of an import.
    from k cross join unnest(?::uuid[]) as x(id)
    cross join lateral (select a.* from accounts a
      where a.tenant_id = k.tenant_id and a.id = x.id offset 0) a
    join terms t on a.penalty_markup = t.stored_markup and a.compound_enabled = t.stored_compound
      and a.day_count_basis = t.stored_basis and a.own_terms = t.own
    where a.annual_rate <= 1
      -- A scalar probe per account, never a join: the planner's statistics lag during a load.
      and (select true from payments p where p.tenant_id = a.tenant_id and p.account_id = a.id
           limit 1) is null
      and (select true from account_fees f where f.tenant_id = a.tenant_id
           and f.account_id = a.id limit 1) is null
  ),
  inst as (
    select acc.id as account_id, acc.principal as account_principal, i.due_date, i.principal,
      i.interest, acc.compound, acc.basis,
      -- Exact numerators of the accruals over (due date, asOf]; numeric multiplication is exact.
      i.principal * acc.penalty_rate * greatest(k.as_of - i.due_date, 0) as penalty_n,
      case when acc.compound
        then i.interest * acc.penalty_rate * greatest(k.as_of - i.due_date, 0) else 0 end
        as compound_n,
      -- Another due date between this one and asOf cuts its accrual into pieces.
      i.due_date < max(i.due_date) filter (where i.due_date < k.as_of)
        over (partition by acc.id) as cut
    from k cross join acc
    cross join lateral (select i.due_date, i.principal, i.interest from installments i
      where i.tenant_id = k.tenant_id and i.account_id = acc.id offset 0) i
  ),
  priced as (
    select inst.*,
      -- The division carries 30 decimals: a non-tie is never within 1e-19 of a half fen.
      round(penalty_n / basis::numeric(40, 30), 2) as penalty,
      round(compound_n / basis::numeric(40, 30), 2) as compound_interest,
      cut and (${halfFen('penalty_n')} or ${halfFen('compound_n')}) as ambiguous
    from inst
  ),
  figures as (
    select account_id,
      sum(principal) = min(account_principal) and not bool_or(ambiguous) as eligible,
      coalesce(sum(principal) filter (where due_date < k.as_of), 0) as overdue_principal,
      coalesce(sum(interest) filter (where due_date < k.as_of), 0) as overdue_interest,
      coalesce(sum(principal + interest) filter (where due_date = k.as_of), 0) as due_today,
      sum(penalty) as penalty_interest,
      sum(compound_interest) as compound_interest,
      sum(principal) as outstanding_principal,
      coalesce(max(k.as_of - due_date)
        filter (where due_date < k.as_of and principal + interest <> 0), 0) as dpd
    from k cross join priced group by account_id
  )
  select f.*,
    f.overdue_principal + f.overdue_interest + f.due_today + f.penalty_interest
      + f.compound_interest as total_due,
    (select b.label from unnest(?::text[], ?::int[]) as b(label, min_dpd)
     where b.min_dpd <= f.dpd order by b.min_dpd desc limit 1) as aging_bucket,
    (select b.label from unnest(?::text[], ?::int[]) as b(label, min_dpd)
     where b.min_dpd <= f.dpd order by b.min_dpd desc limit 1) as loan_class
  from figures f`;

/** Whether n / basis is exactly a half fen (k + 0.5 fen): 200n / basis an odd integer. */
function halfFen(n: string): string {
  return `(mod(200 * ${n}, basis) = 0 and mod(abs(div(200 * ${n}, basis)), 2) = 1)`;
}
