/**
 * Pack conditions compiled to SQL over a subject row: the compiler and each condition's SQL
 * form live with the condition's one definition in the pack lib (constructs/); this file
 * builds the subject row they read.
 */
export { compileCondition, type CompiledCondition, type ConditionOptions } from '@qingshou/policy';

/**
 * Days of the overdue window (k.as_of - dpd + 1 … k.as_of) covered by a pause of a case
 * holding one of `accounts`: the pause's first day to its last (the day before it was
 * resumed, when resumed early), overlapping pauses counted once. As collection's
 * effectiveDpd, in SQL.
 */
function pausedDaysSql(dpd: string, accounts: string): string {
  return `(select count(distinct g.day) from pauses p
      join case_accounts ca on ca.tenant_id = p.tenant_id and ca.case_id = p.case_id
      cross join lateral generate_series(
        greatest(p.from_on, k.as_of - ${dpd} + 1)::timestamp,
        least(p.until_on, coalesce(p.ended_on - 1, p.until_on), k.as_of)::timestamp,
        interval '1 day') as g(day)
      where p.tenant_id = k.tenant_id and ca.account_id in ${accounts})`;
}

/**
 * Subjects as of k.as_of over the `acct` CTE: one row per debtor (its accounts' worst DPD,
 * summed amounts, account types) or per account. `dpd` is the raw (contractual) DPD — loan
 * class reads it; `effective_dpd` takes out paused days — the `dpd` condition reads it
 * (docs/policy-packs.md, "What dpd means").
 */
export function subjectsCte(subject: 'debtor' | 'account'): string {
  const raw =
    subject === 'account'
      ? `subj_raw as (
      select a.debtor_id, a.account_id, a.dpd, a.outstanding_principal, a.overdue_amount,
             a.overdue_principal, array[a.type] as account_types
      from acct a)`
      : `subj_raw as (
    select d.id as debtor_id, null::uuid as account_id, coalesce(max(a.dpd), 0) as dpd,
           coalesce(sum(a.outstanding_principal), 0) as outstanding_principal,
           coalesce(sum(a.overdue_amount), 0) as overdue_amount,
           coalesce(sum(a.overdue_principal), 0) as overdue_principal,
           coalesce(array_agg(distinct a.type) filter (where a.type is not null), '{}') as account_types
    from debtors d cross join k
    left join acct a on a.debtor_id = d.id
    where d.tenant_id = k.tenant_id
    group by d.id)`;
  const accounts =
    subject === 'account'
      ? '(r.account_id)'
      : `(select a.id from accounts a where a.tenant_id = k.tenant_id and a.debtor_id = r.debtor_id)`;
  return `${raw},
  subj as (
    select r.*, case when r.dpd = 0 then 0
                     else greatest(0, r.dpd - ${pausedDaysSql('r.dpd', accounts)}) end as effective_dpd
    from subj_raw r cross join k)`;
}
