import type { DpdBand, LoanClass } from '@qingshou/ledger';
import { loanClassSql, NPL_CLASSES } from '../sql/account-state.sql';

/**
 * Each metric as a CTE `units(unit_key, debtor_id, account_id, case_id, num, den)`: one row
 * per thing counted (a borrower, an account, a case, a promise, a task), with its share of
 * the numerator and denominator. The breakdown (dimensions.sql.ts) then sums units per
 * group, so one definition serves the tenant, every village and every collector alike.
 * Ratios are Σnum ÷ Σden; amounts and counts are Σnum.
 */

/** Contact outcomes that mean someone was reached (联系成功), of CONTACT_OUTCOMES. */
const REACHED = `('reached', 'promised-to-pay', 'refused', 'stalling', 'disputed')`;

const unit = (body: string) =>
  `units (unit_key, debtor_id, account_id, case_id, num, den) as (${body})`;

export interface UnitOptions {
  readonly basis?: string;
  readonly loanClassBands?: readonly DpdBand<LoanClass>[];
}

const BUILDERS: Record<string, (o: UnitOptions) => string> = {
  // Borrowers with some installment due on or before the date; defaulted when the earliest
  // unpaid one is more than threshold_days past due.
  defaultRate: () =>
    unit(`select s.debtor_id::text as unit_key, s.debtor_id, null::uuid as account_id,
                 null::uuid as case_id,
                 (case when max(s.dpd) > k.threshold_days then 1 else 0 end)::numeric as num,
                 1::numeric as den
          from acct s cross join k
          where s.has_due
          group by s.debtor_id, k.threshold_days`),

  nplRatio: (o) =>
    unit(`select s.account_id::text, s.debtor_id, s.account_id, null::uuid,
                 case when ${loanClassSql('s.dpd', o.loanClassBands)} in ${NPL_CLASSES}
                      then s.outstanding_principal else 0 end,
                 s.outstanding_principal
          from acct s where s.outstanding_principal > 0`),

  overdueRate: (o) =>
    o.basis === 'count'
      ? unit(`select s.account_id::text, s.debtor_id, s.account_id, null::uuid,
                     (case when s.dpd > 0 then 1 else 0 end)::numeric, 1::numeric
              from acct s where s.outstanding_principal > 0 or s.overdue_amount > 0`)
      : unit(`select s.account_id::text, s.debtor_id, s.account_id, null::uuid,
                     case when s.dpd > 0 then s.outstanding_principal else 0 end,
                     s.outstanding_principal
              from acct s where s.outstanding_principal > 0`),

  recoveredAmount: () =>
    unit(`select r.account_id::text, r.debtor_id, r.account_id, null::uuid,
                 sum(r.recovered), null::numeric
          from rec r cross join k where r.paid_on >= k.period_start
          group by r.account_id, r.debtor_id`),

  // Recovered in the period ÷ what was overdue when it began (due before the start, not
  // covered by receipts dated before it).
  recoveryRate: () =>
    unit(`select a.id::text, a.debtor_id, a.id, null::uuid,
                 coalesce((select sum(r.recovered) from rec r
                           where r.account_id = a.id and r.paid_on >= k.period_start), 0),
                 greatest(0,
                   coalesce((select sum(i.principal + i.interest) from installments i
                             where i.tenant_id = k.tenant_id and i.account_id = a.id
                               and i.due_date < k.period_start), 0)
                   - coalesce((select sum(x.amount) from rec_receipt x
                               where x.account_id = a.id and x.paid_on < k.period_start), 0))
          from accounts a cross join k
          where a.tenant_id = k.tenant_id and a.type = any(k.account_types)`),

  promisesKept: () =>
    unit(`select pm.id::text, c.debtor_id, pm.account_id, pm.case_id,
                 (case when pm.status = 'kept' then 1 else 0 end)::numeric, 1::numeric
          from promises pm cross join k
          join cases c on c.tenant_id = pm.tenant_id and c.id = pm.case_id
          where pm.tenant_id = k.tenant_id and pm.status in ('kept', 'broken')
            and pm.due_on between k.period_start and k.as_of`),

  contactRate: () =>
    unit(`select c.id::text, c.debtor_id, null::uuid, c.id,
                 (case when exists (
                    select 1 from contact_attempts x
                    where x.tenant_id = c.tenant_id and x.case_id = c.id
                      and x.outcome_code in ${REACHED}
                      and (x.attempted_at at time zone k.tz)::date between k.period_start and k.as_of)
                  then 1 else 0 end)::numeric, 1::numeric
          from cases c cross join k
          where c.tenant_id = k.tenant_id and c.opened_on <= k.as_of
            and (c.closed_on is null or c.closed_on > k.as_of)`),

  slaCompliance: () =>
    unit(`select t.id::text, c.debtor_id, null::uuid, t.case_id,
                 (case when t.status = 'done' and t.completed_at <= t.sla_due_at
                       then 1 else 0 end)::numeric, 1::numeric
          from tasks t cross join k
          join cases c on c.tenant_id = t.tenant_id and c.id = t.case_id
          where t.tenant_id = k.tenant_id and t.sla_due_at is not null and t.status <> 'cancelled'
            and (t.sla_due_at at time zone k.tz)::date between k.period_start and k.as_of`),

  // Contributions due before the date and unpaid ÷ contributions due before the date
  // (amount); employers with any arrears ÷ employers with contributions due (count).
  contributionArrearsRatio: (o) =>
    o.basis === 'count'
      ? unit(`select s.debtor_id::text, s.debtor_id, null::uuid, null::uuid,
                     (case when sum(s.overdue_amount) > 0 then 1 else 0 end)::numeric, 1::numeric
              from acct s where s.past_due_amount > 0 group by s.debtor_id`)
      : unit(`select s.account_id::text, s.debtor_id, s.account_id, null::uuid,
                     s.overdue_amount, s.past_due_amount
              from acct s where s.past_due_amount > 0`),

  // The numerator only; the deposit balance comes from the arguments or kpi_inputs.
  loanToDepositRatio: () =>
    unit(`select s.account_id::text, s.debtor_id, s.account_id, null::uuid,
                 s.outstanding_principal, null::numeric
          from acct s where s.outstanding_principal > 0`),

  visitCount: () =>
    unit(`select x.id::text, c.debtor_id, null::uuid, x.case_id, 1::numeric, null::numeric
          from contact_attempts x cross join k
          join cases c on c.tenant_id = x.tenant_id and c.id = x.case_id
          where x.tenant_id = k.tenant_id and x.channel = 'visit'
            and (x.attempted_at at time zone k.tz)::date between k.period_start and k.as_of`),

  collectionCost: () =>
    unit(`select x.id::text, c.debtor_id, null::uuid, x.case_id, x.amount, null::numeric
          from case_costs x cross join k
          join cases c on c.tenant_id = x.tenant_id and c.id = x.case_id
          where x.tenant_id = k.tenant_id and x.incurred_on between k.period_start and k.as_of`),
};
// recoveredVsPlan is recoveredAmount over a plan that is not in the ledger.
BUILDERS.recoveredVsPlan = BUILDERS.recoveredAmount;

export function unitsSql(metric: string, options: UnitOptions): string {
  const build = BUILDERS[metric];
  if (!build) throw new Error(`metric ${metric} has no SQL definition`);
  return build(options);
}

/** Which ledger accounts a metric reads: loans, contributions, or housing-fund loans. */
export function accountTypesFor(metric: string, packTypes: readonly string[]): string[] {
  if (metric === 'contributionArrearsRatio') return ['employer-contribution'];
  if (metric === 'loanToDepositRatio') return ['housing-fund-loan'];
  return packTypes.filter((t) => t !== 'employer-contribution');
}
