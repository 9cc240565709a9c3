import { Dec } from '@qingshou/ledger';
import { unitsCte } from '../sql/units.sql';
import { defineMetric, PeriodArgs } from './metric-definition';
import { inPeriod } from './metric-facts';

/** Contacts on the visit channel whose local date falls in the period. */
export const visitCountMetric = defineMetric({
  args: PeriodArgs,
  names: { zh: '外访次数', en: 'Field visits' },
  summary: {
    zh: '期间内完成的外访次数（篇一：控制外出催款次数）。',
    en: 'Field visits done in the period (篇一: keep trips down).',
  },
  unit: 'count',
  better: 'lower',
  inputs: ['contacts'],
  example: 'metric: visitCount',
  sql: () =>
    unitsCte(`select x.id::text, c.debtor_id, null::uuid, x.case_id, 1::numeric, null::numeric
          from contact_attempts x cross join k
          join cases c on c.tenant_id = x.tenant_id and c.id = x.case_id
          where x.tenant_id = k.tenant_id and x.channel = 'visit'
            and (x.attempted_at at time zone k.tz)::date between k.period_start and k.as_of`),
  units: (facts, scope) => {
    const debtorOf = new Map(facts.cases.map((c) => [c.id, c.debtorId]));
    return facts.contacts
      .filter((x) => x.channel === 'visit' && inPeriod(x.on, scope))
      .map((x) => ({
        key: x.id,
        debtorId: debtorOf.get(x.caseId) ?? '',
        num: new Dec(1),
        den: null,
      }));
  },
});
