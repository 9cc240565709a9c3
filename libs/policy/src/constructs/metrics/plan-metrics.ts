import { Dec } from '@qingshou/ledger';
import { unitsCte } from '../sql/units.sql';
import { defineMetric, NoArgs, PeriodArgs } from './metric-definition';
import { inPeriod, onOrBefore, type MetricFacts, type MetricScope } from './metric-facts';

/**
 * 还款计划 in the KPIs (issue 16 §1). A plan counts from the day the debtor signed it
 * (agreed_on) until the day it was kept or broken; one cancelled never counts.
 */
const LIVE_SQL = `from repayment_plans rp cross join k
          join cases c on c.tenant_id = rp.tenant_id and c.id = rp.case_id
          where rp.tenant_id = k.tenant_id and rp.status <> 'cancelled' and rp.agreed_on <= k.as_of
            and (coalesce(rp.kept_on, rp.broken_on) is null
                 or coalesce(rp.kept_on, rp.broken_on) > k.as_of)`;

function livePlans(facts: MetricFacts, scope: MetricScope) {
  const debtorOf = new Map(facts.cases.map((c) => [c.id, c.debtorId]));
  return facts.plans
    .filter((p) => p.status !== 'cancelled' && p.agreedOn !== null)
    .filter((p) => onOrBefore(p.agreedOn as string, scope.asOf))
    .filter((p) => {
      const ended = p.keptOn ?? p.brokenOn;
      return ended === null || !onOrBefore(ended, scope.asOf);
    })
    .map((p) => ({ plan: p, debtorId: debtorOf.get(p.caseId) ?? '' }));
}

/** Plans signed and neither kept nor broken on the as-of date. */
export const activePlansMetric = defineMetric({
  args: NoArgs,
  names: { zh: '履行中还款计划', en: 'Active repayment plans' },
  summary: {
    zh: '截至统计日已签署、尚未履行完毕或违约的还款计划数。',
    en: 'Plans signed and neither kept nor broken on the as-of date.',
  },
  unit: 'count',
  better: 'higher',
  inputs: ['plans'],
  example: 'metric: activePlans',
  sql: () =>
    unitsCte(`select rp.id::text, c.debtor_id, null::uuid, rp.case_id, 1::numeric, null::numeric
          ${LIVE_SQL}`),
  units: (facts, scope) =>
    livePlans(facts, scope).map(({ plan, debtorId }) => ({
      key: plan.id,
      debtorId,
      num: new Dec(1),
      den: null,
    })),
});

/** The totals of those plans: what the office has under plan on the as-of date. */
export const planAmountMetric = defineMetric({
  args: NoArgs,
  names: { zh: '计划内金额', en: 'Amount under plan' },
  summary: {
    zh: '截至统计日履行中的还款计划总额（欠款 + 罚息 − 减免）。',
    en: 'Totals (arrears + penalty − waiver) of the plans active on the as-of date.',
  },
  unit: 'amount',
  better: 'higher',
  inputs: ['plans'],
  example: 'metric: planAmount',
  sql: () =>
    unitsCte(`select rp.id::text, c.debtor_id, null::uuid, rp.case_id, rp.total, null::numeric
          ${LIVE_SQL}`),
  units: (facts, scope) =>
    livePlans(facts, scope).map(({ plan, debtorId }) => ({
      key: plan.id,
      debtorId,
      num: new Dec(plan.total),
      den: null,
    })),
});

/**
 * Instalments of signed plans due in the period and decided by the nightly run (kept, or
 * missed beyond the grace): the share kept. One still inside its grace is not yet counted,
 * as an open promise is not (promisesKept).
 */
export const planKeptRateMetric = defineMetric({
  args: PeriodArgs,
  names: { zh: '分期履约率', en: 'Plan instalments kept' },
  summary: {
    zh: '期间内到期的还款计划分期中按期还清的比例。',
    en: 'Plan instalments kept ÷ plan instalments due in the period and decided.',
  },
  unit: 'ratio',
  better: 'higher',
  inputs: ['plans'],
  example: 'metric: planKeptRate',
  sql: () =>
    unitsCte(`select rp.id::text || ':' || i.seq, c.debtor_id, null::uuid, rp.case_id,
                 (case when i.status = 'kept' then 1 else 0 end)::numeric, 1::numeric
          from plan_instalments i cross join k
          join repayment_plans rp on rp.tenant_id = i.tenant_id and rp.id = i.plan_id
          join cases c on c.tenant_id = rp.tenant_id and c.id = rp.case_id
          where i.tenant_id = k.tenant_id and rp.agreed_on is not null
            and i.status in ('kept', 'missed') and i.due_on between k.period_start and k.as_of`),
  units: (facts, scope) => {
    const debtorOf = new Map(facts.cases.map((c) => [c.id, c.debtorId]));
    return facts.plans
      .filter((p) => p.agreedOn !== null)
      .flatMap((p) =>
        p.instalments
          .filter((i) => (i.status === 'kept' || i.status === 'missed') && inPeriod(i.dueOn, scope))
          .map((i) => ({
            key: `${p.id}:${i.seq}`,
            debtorId: debtorOf.get(p.caseId) ?? '',
            num: new Dec(i.status === 'kept' ? 1 : 0),
            den: new Dec(1),
          })),
      );
  },
});
