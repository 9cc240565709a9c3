/**
 * Pack conditions compiled to SQL over a subject row: the compiler and each condition's SQL
 * form live with the condition's one definition in the pack lib (constructs/); this file
 * builds the subject row they read.
 */
export { compileCondition, type CompiledCondition, type ConditionOptions } from '@qingshou/policy';

/**
 * Each paused day of each account, up to k.as_of: from a pause's first day to its last (the
 * day before it was resumed, when resumed early), for every account of the paused case.
 * Pauses are few, so this is small; materialized once per statement.
 */
const PAUSED_DAYS = `paused_day as materialized (
    select distinct a.debtor_id, ca.account_id, g.day::date as day
    from pauses p cross join k
    join case_accounts ca on ca.tenant_id = p.tenant_id and ca.case_id = p.case_id
    join accounts a on a.tenant_id = ca.tenant_id and a.id = ca.account_id
    cross join lateral generate_series(
      p.from_on::timestamp,
      least(p.until_on, coalesce(p.ended_on - 1, p.until_on), k.as_of)::timestamp,
      interval '1 day') as g(day)
    where p.tenant_id = k.tenant_id)`;

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
  // Days of the overdue window (as_of - dpd + 1 … as_of) paused on the subject's accounts,
  // overlapping pauses counted once: collection's effectiveDpd, in SQL.
  return `${raw},
  ${PAUSED_DAYS},
  subj as (
    select r.*, case when r.dpd = 0 then 0 else greatest(0, r.dpd - (
             select count(distinct pd.day) from paused_day pd
             where pd.debtor_id = r.debtor_id
               and (r.account_id is null or pd.account_id = r.account_id)
               and pd.day > k.as_of - r.dpd)) end as effective_dpd
    from subj_raw r cross join k)`;
}
