import { Dec } from '@qingshou/ledger';
import { unitsCte } from '../sql/units.sql';
import { defineMetric, PeriodArgs } from './metric-definition';
import { inPeriod } from './metric-facts';

/** Promises decided (kept or broken) whose date fell in the period. */
export const promisesKeptMetric = defineMetric({
  args: PeriodArgs,
  names: { zh: '承诺兑现率', en: 'Promises kept' },
  summary: {
    zh: '期间内到期的还款承诺中已兑现的比例。',
    en: 'Promises kept ÷ promises whose date fell in the period.',
  },
  unit: 'ratio',
  better: 'higher',
  inputs: ['promises'],
  example: 'metric: promisesKept',
  sql: () =>
    unitsCte(`select pm.id::text, c.debtor_id, pm.account_id, pm.case_id,
                 (case when pm.status = 'kept' then 1 else 0 end)::numeric, 1::numeric
          from promises pm cross join k
          join cases c on c.tenant_id = pm.tenant_id and c.id = pm.case_id
          where pm.tenant_id = k.tenant_id and pm.status in ('kept', 'broken')
            and pm.due_on between k.period_start and k.as_of`),
  units: (facts, scope) => {
    const debtorOf = new Map(facts.cases.map((c) => [c.id, c.debtorId]));
    return facts.promises
      .filter((p) => (p.status === 'kept' || p.status === 'broken') && inPeriod(p.dueOn, scope))
      .map((p) => ({
        key: p.id,
        debtorId: debtorOf.get(p.caseId) ?? '',
        num: new Dec(p.status === 'kept' ? 1 : 0),
        den: new Dec(1),
      }));
  },
});
