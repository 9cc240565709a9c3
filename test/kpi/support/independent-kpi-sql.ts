/**
 * Each registry metric written again by hand over the raw tables, for the KPI-vs-SQL spec
 * (issue 13 §2). Nothing here comes from the product: not its `acct`/`rec` CTEs, not its
 * units, not its breakdown or its period arithmetic. Each query yields one row per thing
 * counted — `(debtor_id, case_id, num, den)` — and the breakdown is attached here too: a
 * debtor's village from its membership, a collector from the case's assignee (every debtor
 * in the book has one debtor-scope case at a time holding all its accounts: the one open on
 * the date, else the latest closed — a closed case's collector keeps what it did).
 */

export interface Scope {
  readonly tenantId: string;
  readonly asOf: string;
  /** First day of the period (flow metrics); the as-of date otherwise. */
  readonly start: string;
  readonly timeZone: string;
}

type Args = Readonly<Record<string, unknown>>;

/** A hand-written query: units over the raw tables, and how the denominator is found. */
export interface Independent {
  /** `select debtor_id, case_id, num, den …` (case_id may be null). */
  units(s: Scope, args: Args): string;
  unit: 'ratio' | 'amount' | 'count';
  /** The denominator is a figure outside the ledger: the argument, else kpi_inputs. */
  plan?: { input: string; arg: string };
  /** kpi_inputs figure added to the numerator (recovered before the book's first day). */
  opening?: string;
}

const LOANS = `('loan')`;
const CONTRIBUTIONS = `('employer-contribution')`;
const HOUSING = `('housing-fund-loan')`;
const REACHED = `('reached', 'promised-to-pay', 'refused', 'stalling', 'disputed')`;

const lit = (v: string) => {
  if (!/^[0-9A-Za-z_/:-]+$/.test(v)) throw new Error(`not a plain literal: ${v}`);
  return `'${v}'`;
};

/**
 * Per installment: how much of it the net money received by the date (receipts less
 * reversals, by their own dates) has paid, filling installments due by the date oldest
 * first; then per account its unpaid principal, what fell due before the date and is
 * unpaid, what fell due before the date, and the days since the oldest unpaid one.
 */
function balances(s: Scope, types: string): string {
  const T = lit(s.tenantId);
  const D = `${lit(s.asOf)}::date`;
  return `
    with money_in as (
      select account_id, sum(amount) as net from payments
      where tenant_id = ${T} and paid_on <= ${D} group by account_id
    ),
    lines as (
      select i.account_id, a.debtor_id, i.due_date, i.principal, i.interest,
             i.principal + i.interest as owed,
             sum(i.principal + i.interest) over (
               partition by i.account_id order by i.due_date, i.seq) as owed_through
      from installments i
      join accounts a on a.tenant_id = i.tenant_id and a.id = i.account_id
      where i.tenant_id = ${T} and a.type in ${types} and a.start_date <= ${D}
    ),
    paid_lines as (
      select l.*, case when l.due_date > ${D} then 0
                       else least(l.owed, greatest(0, coalesce(m.net, 0) - (l.owed_through - l.owed)))
                  end as paid
      from lines l left join money_in m on m.account_id = l.account_id
    )
    select account_id, debtor_id,
           sum(least(principal, owed - paid)) as principal_left,
           coalesce(sum(owed - paid) filter (where due_date < ${D}), 0) as arrears,
           coalesce(sum(owed) filter (where due_date < ${D}), 0) as fell_due,
           bool_or(due_date <= ${D}) as some_due,
           coalesce(${D} - min(due_date) filter (where due_date < ${D} and paid < owed), 0) as late_days
    from paid_lines group by account_id, debtor_id`;
}

/**
 * Receipts that stand on the date (not reversed by then; reversals are not receipts) and,
 * for each, the part that paid arrears: what fell due before its day, less the receipts
 * that came before it (by day, then the moment recorded), at most the receipt itself.
 */
function recoveries(s: Scope, types: string): string {
  const T = lit(s.tenantId);
  const D = `${lit(s.asOf)}::date`;
  return `
    with standing as (
      select p.id, p.account_id, a.debtor_id, p.paid_on, p.amount, p.recorded_at
      from payments p join accounts a on a.tenant_id = p.tenant_id and a.id = p.account_id
      where p.tenant_id = ${T} and a.type in ${types} and p.reverses_payment_id is null
        and p.paid_on <= ${D}
        and p.id not in (select r.reverses_payment_id from payments r
                         where r.tenant_id = ${T} and r.reverses_payment_id is not null
                           and r.paid_on <= ${D})
    )
    select r.*, least(r.amount, greatest(0,
             (select coalesce(sum(i.principal + i.interest), 0) from installments i
              where i.tenant_id = ${T} and i.account_id = r.account_id and i.due_date < r.paid_on)
           - (select coalesce(sum(e.amount), 0) from standing e
              where e.account_id = r.account_id
                and (e.paid_on, e.recorded_at, e.id) < (r.paid_on, r.recorded_at, r.id)))) as arrears_paid
    from standing r`;
}

const inPeriod = (column: string, s: Scope) =>
  `${column} between ${lit(s.start)}::date and ${lit(s.asOf)}::date`;
const localDay = (column: string, s: Scope) => `(${column} at time zone ${lit(s.timeZone)})::date`;

const recoveredUnits = (s: Scope) => `
  select debtor_id, null::uuid as case_id, arrears_paid as num, null::numeric as den
  from (${recoveries(s, LOANS)}) r where ${inPeriod('r.paid_on', s)}`;

/**
 * The opening of a flow for account `a`: what fell due before the period and stood unpaid
 * then, by the standing receipts (CTE \`rec\`) dated before it.
 */
const openingArrears = (s: Scope) => `greatest(0,
    (select coalesce(sum(i.principal + i.interest), 0) from installments i
     where i.tenant_id = ${lit(s.tenantId)} and i.account_id = a.id
       and i.due_date < ${lit(s.start)}::date)
  - (select coalesce(sum(r.amount), 0) from rec r
     where r.account_id = a.id and r.paid_on < ${lit(s.start)}::date))`;

export const INDEPENDENT: Record<string, Independent> = {
  defaultRate: {
    unit: 'ratio',
    units: (s, a) => `
      select debtor_id, null::uuid as case_id,
             case when max(late_days) > ${Number(a.thresholdDays ?? 0)} then 1 else 0 end as num,
             1 as den
      from (${balances(s, LOANS)}) b where some_due group by debtor_id`,
  },
  nplRatio: {
    unit: 'ratio',
    // The ledger's default bands (the test pack sets none): substandard from 91 days.
    units: (s) => `
      select debtor_id, null::uuid as case_id,
             case when late_days >= 91 then principal_left else 0 end as num, principal_left as den
      from (${balances(s, LOANS)}) b where principal_left > 0`,
  },
  overdueRate: {
    unit: 'ratio',
    units: (s, a) =>
      a.basis === 'count'
        ? `select debtor_id, null::uuid as case_id, case when late_days > 0 then 1 else 0 end as num, 1 as den
           from (${balances(s, LOANS)}) b where principal_left > 0 or arrears > 0`
        : `select debtor_id, null::uuid as case_id,
                  case when late_days > 0 then principal_left else 0 end as num, principal_left as den
           from (${balances(s, LOANS)}) b where principal_left > 0`,
  },
  overdueReduction: {
    unit: 'ratio',
    units: (s, a) => `
      with rec as (${recoveries(s, LOANS)}), bal as (${balances(s, LOANS)})
      select debtor_id, null::uuid as case_id,
             ${a.basis === 'count' ? 'sign(opening) - sign(now)' : 'opening - now'} as num,
             ${a.basis === 'count' ? 'sign(opening)' : 'opening'} as den
      from (select a.id, a.debtor_id, ${openingArrears(s)} as opening,
                   coalesce(b.arrears, 0) as now
            from accounts a left join bal b on b.account_id = a.id
            where a.tenant_id = ${lit(s.tenantId)} and a.type in ${LOANS}) o
      where opening > 0 or now > 0`,
  },
  recoveredAmount: { unit: 'amount', units: recoveredUnits },
  recoveredVsPlan: {
    unit: 'ratio',
    units: recoveredUnits,
    plan: { input: 'recovery-plan', arg: 'plan' },
    opening: 'recovered-opening',
  },
  recoveryRate: {
    unit: 'ratio',
    units: (s) => `
      with rec as (${recoveries(s, LOANS)})
      select a.debtor_id, null::uuid as case_id,
             (select coalesce(sum(r.arrears_paid), 0) from rec r
              where r.account_id = a.id and ${inPeriod('r.paid_on', s)}) as num,
             ${openingArrears(s)} as den
      from accounts a where a.tenant_id = ${lit(s.tenantId)} and a.type in ${LOANS}`,
  },
  promisesKept: {
    unit: 'ratio',
    units: (s) => `
      select c.debtor_id, p.case_id, case when p.status = 'kept' then 1 else 0 end as num, 1 as den
      from promises p join cases c on c.id = p.case_id
      where p.tenant_id = ${lit(s.tenantId)} and p.status in ('kept', 'broken')
        and ${inPeriod('p.due_on', s)}`,
  },
  contactRate: {
    unit: 'ratio',
    units: (s) => `
      select c.debtor_id, c.id as case_id,
             case when exists (select 1 from contact_attempts x
                               where x.case_id = c.id and x.outcome_code in ${REACHED}
                                 and ${inPeriod(localDay('x.attempted_at', s), s)})
                  then 1 else 0 end as num, 1 as den
      from cases c
      where c.tenant_id = ${lit(s.tenantId)} and c.opened_on <= ${lit(s.asOf)}::date
        and not coalesce(c.closed_on <= ${lit(s.asOf)}::date, false)`,
  },
  slaCompliance: {
    unit: 'ratio',
    units: (s) => `
      select c.debtor_id, t.case_id,
             case when t.status = 'done' and t.completed_at <= t.sla_due_at then 1 else 0 end as num,
             1 as den, t.title as step
      from tasks t join cases c on c.id = t.case_id
      where t.tenant_id = ${lit(s.tenantId)} and t.sla_due_at is not null
        and t.status in ('open', 'done') and ${inPeriod(localDay('t.sla_due_at', s), s)}`,
  },
  contributionArrearsRatio: {
    unit: 'ratio',
    units: (s, a) =>
      a.basis === 'count'
        ? `select debtor_id, null::uuid as case_id,
                  case when sum(arrears) > 0 then 1 else 0 end as num, 1 as den
           from (${balances(s, CONTRIBUTIONS)}) b where fell_due > 0 group by debtor_id`
        : `select debtor_id, null::uuid as case_id, arrears as num, fell_due as den
           from (${balances(s, CONTRIBUTIONS)}) b where fell_due > 0`,
  },
  loanToDepositRatio: {
    unit: 'ratio',
    units: (s) => `
      select debtor_id, null::uuid as case_id, principal_left as num, null::numeric as den
      from (${balances(s, HOUSING)}) b where principal_left > 0`,
    plan: { input: 'deposit-balance', arg: 'depositBalance' },
  },
  visitCount: {
    unit: 'count',
    units: (s) => `
      select c.debtor_id, x.case_id, 1 as num, null::numeric as den
      from contact_attempts x join cases c on c.id = x.case_id
      where x.tenant_id = ${lit(s.tenantId)} and x.channel = 'visit'
        and ${inPeriod(localDay('x.attempted_at', s), s)}`,
  },
  collectionCost: {
    unit: 'amount',
    units: (s) => `
      select c.debtor_id, x.case_id, x.amount as num, null::numeric as den
      from case_costs x join cases c on c.id = x.case_id
      where x.tenant_id = ${lit(s.tenantId)} and ${inPeriod('x.incurred_on', s)}`,
  },
  // 还款计划 (issue 16): a plan is live from its signing to the day it was kept or broken.
  activePlans: {
    unit: 'count',
    units: (s) => `
      select c.debtor_id, p.case_id, 1 as num, null::numeric as den
      from repayment_plans p join cases c on c.id = p.case_id
      where p.tenant_id = ${lit(s.tenantId)} and ${livePlan(s)}`,
  },
  planAmount: {
    unit: 'amount',
    units: (s) => `
      select c.debtor_id, p.case_id, p.arrears + p.penalty - p.waiver as num, null::numeric as den
      from repayment_plans p join cases c on c.id = p.case_id
      where p.tenant_id = ${lit(s.tenantId)} and ${livePlan(s)}`,
  },
  planKeptRate: {
    unit: 'ratio',
    units: (s) => `
      select c.debtor_id, p.case_id, case when i.status = 'kept' then 1 else 0 end as num, 1 as den
      from plan_instalments i
      join repayment_plans p on p.id = i.plan_id
      join cases c on c.id = p.case_id
      where i.tenant_id = ${lit(s.tenantId)} and p.agreed_on is not null
        and i.status <> 'pending' and ${inPeriod('i.due_on', s)}`,
  },
};

/** Signed by the date and, on it, still active, or kept or broken only after it. */
function livePlan(s: Scope): string {
  const D = `${lit(s.asOf)}::date`;
  return `p.agreed_on <= ${D} and (p.status = 'active'
    or (p.status = 'kept' and p.kept_on > ${D}) or (p.status = 'broken' and p.broken_on > ${D}))`;
}

/**
 * Σnum, Σden per group of the breakdown, over a metric's hand-written units: `tenant`,
 * `village` (the debtor's membership), `collector` (the assignee of the unit's case, or
 * of the debtor's current case, by username), `team` (that case's team) or `step` (a task's
 * title; tasks only).
 */
export function perGroup(units: string, per: string, s: Scope): string {
  const T = lit(s.tenantId);
  const group =
    per === 'tenant'
      ? `select 'tenant'::text as grp, u.* from u`
      : per === 'step'
        ? `select u.step as grp, u.* from u`
        : per === 'collector' || per === 'team'
          ? `select ${per === 'team' ? 'm.name' : 'w.username'} as grp, u.* from u
           join cases c on c.tenant_id = ${T}
             and c.id = coalesce(u.case_id, (select d.id from cases d
                                              where d.tenant_id = ${T} and d.debtor_id = u.debtor_id
                                                and d.opened_on <= ${lit(s.asOf)}::date
                                              order by d.closed_on is null or d.closed_on > ${lit(s.asOf)}::date desc,
                                                       d.opened_on desc limit 1))
           ${per === 'team' ? 'join teams m on m.id = c.team_id' : 'join users w on w.id = c.assignee_id'}`
          : `select g.code as grp, u.* from u
           join debtor_group_members gm on gm.tenant_id = ${T} and gm.debtor_id = u.debtor_id
           join debtor_groups g on g.id = gm.group_id and g.type = ${lit(per)}`;
  return `with u as (${units}), grouped as (${group})
    select grp, sum(num)::text as num, sum(den)::text as den from grouped group by grp`;
}

/** A kpi_inputs figure in force on the date, per group code ('tenant' for the tenant). */
export function inputFigures(input: string, per: string, s: Scope): string {
  const T = lit(s.tenantId);
  return `select distinct on (k.group_id)
            case when k.group_type = 'tenant' then 'tenant' else g.code end as grp, k.amount::text as amount
          from kpi_inputs k left join debtor_groups g on g.id = k.group_id
          where k.tenant_id = ${T} and k.input = ${lit(input)} and k.group_type = ${lit(per)}
            and ${lit(s.asOf)}::date between k.period_start and k.period_end
          order by k.group_id, k.period_start desc`;
}

/** The period's first day, counted here (weeks from Monday). */
export function periodStart(period: string, asOf: string): string {
  const [y, mo, d] = asOf.split('-').map(Number);
  const pad = (n: number) => String(n).padStart(2, '0');
  if (period === 'month') return `${y}-${pad(mo)}-01`;
  if (period === 'quarter') return `${y}-${pad(mo - ((mo - 1) % 3))}-01`;
  if (period === 'week') {
    const date = new Date(Date.UTC(y, mo - 1, d));
    date.setUTCDate(d - ((date.getUTCDay() + 6) % 7));
    return date.toISOString().slice(0, 10);
  }
  return `${y}-01-01`;
}
