/**
 * The parameters of every KPI statement, bound once as the one-row CTE `k` so the rest of
 * the text carries no placeholders and can be composed freely:
 * tenant, as-of date, period start, time zone, threshold days, account types, group type.
 */
export const K_CTE = `k as (
  select ?::uuid as tenant_id, ?::date as as_of, ?::date as period_start, ?::text as tz,
         ?::int as threshold_days, ?::text[] as account_types, ?::text as group_type)`;

export interface KpiScope {
  readonly tenantId: string;
  readonly asOf: string;
  readonly periodStart: string;
  readonly timeZone: string;
  readonly thresholdDays: number;
  readonly accountTypes: readonly string[];
  readonly groupType: string;
}

/** A PostgreSQL array literal bound as one parameter (`?::text[]`). */
export function pgTextArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

export function kParams(scope: KpiScope): unknown[] {
  return [
    scope.tenantId,
    scope.asOf,
    scope.periodStart,
    scope.timeZone,
    scope.thresholdDays,
    pgTextArray(scope.accountTypes),
    scope.groupType,
  ];
}

/** The accounts a statement reads: those of the metric's account types (k.account_types). */
const TYPE_FILTER = 'a.type = any(k.account_types)';

/**
 * Each account as of k.as_of by the contractual waterfall: net receipts dated on or before
 * the date (a reversal is a negative row, so a reversed receipt nets out) cover each
 * installment's interest then principal, oldest due date first; an installment not yet due
 * takes nothing (the ledger holds such money as credit). Penalty, compound interest and fees
 * are left out: an installment is "paid" when its contract amounts are. DPD counts from
 * the earliest installment due before the date and not covered, as the ledger does.
 * Columns of `acct`: account_id, debtor_id, type, outstanding_principal, overdue_amount
 * (due before the date, unpaid), overdue_principal, past_due_amount (all due before the
 * date), has_due (something due on or before the date), dpd. `typeFilter` chooses the
 * accounts (an SQL condition on `a`): the metric's types, or `true` for a cached table.
 */
export function accountStateCtes(typeFilter = TYPE_FILTER): string {
  return `
  acct_pay as (
    select p.account_id, sum(p.amount) as paid
    from payments p join k on p.tenant_id = k.tenant_id
    where p.paid_on <= k.as_of
    group by p.account_id
  ),
  acct_inst as (
    select i.account_id, i.seq, i.due_date, i.principal, i.interest,
           coalesce(sum(i.principal + i.interest) over (
             partition by i.account_id order by i.due_date, i.seq
             rows between unbounded preceding and 1 preceding), 0) as before_amount
    from installments i
    join k on i.tenant_id = k.tenant_id
    join accounts a on a.tenant_id = i.tenant_id and a.id = i.account_id
    where ${typeFilter} and a.start_date <= k.as_of
  ),
  acct_cover as (
    select ai.*,
           case when ai.due_date <= k.as_of
             then greatest(0, least(ai.principal + ai.interest, coalesce(ap.paid, 0) - ai.before_amount))
             else 0 end as covered
    from acct_inst ai cross join k
    left join acct_pay ap on ap.account_id = ai.account_id
  ),
  acct as (
    select a.id as account_id, a.debtor_id, a.type,
           sum(c.principal - greatest(0, c.covered - c.interest)) as outstanding_principal,
           sum(case when c.due_date < k.as_of then c.principal + c.interest - c.covered else 0 end) as overdue_amount,
           sum(case when c.due_date < k.as_of then c.principal - greatest(0, c.covered - c.interest) else 0 end) as overdue_principal,
           sum(case when c.due_date < k.as_of then c.principal + c.interest else 0 end) as past_due_amount,
           bool_or(c.due_date <= k.as_of) as has_due,
           coalesce(k.as_of - min(case when c.due_date < k.as_of and c.covered < c.principal + c.interest
                                       then c.due_date end), 0) as dpd
    from accounts a cross join k
    join acct_cover c on c.account_id = a.id
    where a.tenant_id = k.tenant_id
    group by a.id, a.debtor_id, a.type, k.as_of
  )`;
}

export const ACCOUNT_STATE_CTES = accountStateCtes();

/**
 * Receipts as known on k.as_of (a receipt reversed on or before it never counted), and the
 * part of each that recovered arrears: the contract amounts due before its date and not yet
 * covered by earlier receipts. Money paid ahead or on the due date is not "recovered".
 * `rec`: account_id, debtor_id, type, paid_on, amount, recovered. `typeFilter` as for
 * accountStateCtes.
 */
export function recoveryCtes(typeFilter = TYPE_FILTER): string {
  return `${recReceiptCte(typeFilter)},
  rec_run as (
    select x.*, coalesce(sum(x.amount) over (
             partition by x.account_id order by x.paid_on, x.recorded_at, x.id
             rows between unbounded preceding and 1 preceding), 0) as paid_before
    from rec_receipt x
  ),
  rec as (
    select x.account_id, x.debtor_id, x.type, x.paid_on, x.amount,
           least(x.amount, greatest(0, coalesce((
             select sum(i.principal + i.interest) from installments i
             where i.tenant_id = k.tenant_id and i.account_id = x.account_id
               and i.due_date < x.paid_on), 0) - x.paid_before)) as recovered
    from rec_run x cross join k
  )`;
}

/** `rec_receipt`: the receipts as known on k.as_of (see recoveryCtes). */
export function recReceiptCte(typeFilter = TYPE_FILTER): string {
  return `
  rec_receipt as (
    select p.account_id, a.debtor_id, a.type, p.id, p.paid_on, p.amount, p.recorded_at
    from payments p
    join k on p.tenant_id = k.tenant_id
    join accounts a on a.tenant_id = p.tenant_id and a.id = p.account_id
    where ${typeFilter} and p.reverses_payment_id is null and p.paid_on <= k.as_of
      and not exists (select 1 from payments r
                      where r.tenant_id = p.tenant_id and r.reverses_payment_id = p.id
                        and r.paid_on <= k.as_of)
  )`;
}

export const RECOVERY_CTES = recoveryCtes();

// The 五级分类 SQL sits with the conditions and metrics that use it (the pack lib).
export { loanClassSql, NPL_CLASSES } from '@qingshou/policy';
