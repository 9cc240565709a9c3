import { Dec } from '@qingshou/ledger';
import { unitsCte } from '../sql/units.sql';
import { defineMetric, PeriodArgs } from './metric-definition';
import {
  inPeriod,
  receipts,
  type MetricFacts,
  type MetricScope,
  type MetricUnit,
} from './metric-facts';

/** Per account: the arrears its receipts in the period recovered (rec.recovered). */
export const recoveredUnitsSql = () =>
  unitsCte(`select r.account_id::text, r.debtor_id, r.account_id, null::uuid,
                 sum(r.recovered), null::numeric
          from rec r cross join k where r.paid_on >= k.period_start
          group by r.account_id, r.debtor_id`);

export function recoveredUnits(facts: MetricFacts, scope: MetricScope): MetricUnit[] {
  const byAccount = new Map<string, MetricUnit>();
  for (const r of receipts(facts, scope).filter((x) => inPeriod(x.paidOn, scope))) {
    const prior = byAccount.get(r.accountId);
    byAccount.set(r.accountId, {
      key: r.accountId,
      debtorId: r.debtorId,
      num: (prior?.num ?? new Dec(0)).plus(r.recovered),
      den: null,
    });
  }
  return [...byAccount.values()];
}

export const recoveredAmountMetric = defineMetric({
  args: PeriodArgs,
  names: { zh: '回收金额', en: 'Recovered amount' },
  summary: { zh: '期间内收回的金额（元）。', en: 'Amount recovered in the period, in yuan.' },
  unit: 'amount',
  better: 'higher',
  inputs: ['payments'],
  example: 'metric: recoveredAmount',
  sql: recoveredUnitsSql,
  units: recoveredUnits,
});
