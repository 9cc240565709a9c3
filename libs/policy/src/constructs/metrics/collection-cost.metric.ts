import { Dec } from '@qingshou/ledger';
import { unitsCte } from '../sql/units.sql';
import { defineMetric, PeriodArgs } from './metric-definition';
import { inPeriod } from './metric-facts';

/** Costs booked to cases, dated in the period. */
export const collectionCostMetric = defineMetric({
  args: PeriodArgs,
  names: { zh: '催收费用', en: 'Collection cost' },
  summary: {
    zh: '期间内记入案件的费用（元）。',
    en: 'Costs booked to cases in the period, in yuan.',
  },
  unit: 'amount',
  better: 'lower',
  inputs: ['costs'],
  example: 'metric: collectionCost',
  sql: () =>
    unitsCte(`select x.id::text, c.debtor_id, null::uuid, x.case_id, x.amount, null::numeric
          from case_costs x cross join k
          join cases c on c.tenant_id = x.tenant_id and c.id = x.case_id
          where x.tenant_id = k.tenant_id and x.incurred_on between k.period_start and k.as_of`),
  units: (facts, scope) => {
    const debtorOf = new Map(facts.cases.map((c) => [c.id, c.debtorId]));
    return facts.costs
      .filter((x) => inPeriod(x.incurredOn, scope))
      .map((x) => ({
        key: x.id,
        debtorId: debtorOf.get(x.caseId) ?? '',
        num: new Dec(x.amount),
        den: null,
      }));
  },
});
