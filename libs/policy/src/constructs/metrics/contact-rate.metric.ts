import { compareLocalDates } from '@qingshou/calendar';
import { Dec } from '@qingshou/ledger';
import { unitsCte } from '../sql/units.sql';
import { defineMetric, PeriodArgs, REACHED_OUTCOMES } from './metric-definition';
import { inPeriod } from './metric-facts';

const REACHED_SQL = `(${REACHED_OUTCOMES.map((o) => `'${o}'`).join(', ')})`;

/** Cases open on the date, reached (local date of the contact) at least once in the period. */
export const contactRateMetric = defineMetric({
  args: PeriodArgs,
  names: { zh: '联系成功率', en: 'Contact rate' },
  summary: {
    zh: '期间内至少有一次接通/见面的在催案件 ÷ 在催案件。',
    en: 'Open cases with at least one reached contact in the period ÷ open cases.',
  },
  unit: 'ratio',
  better: 'higher',
  inputs: ['contacts', 'cases'],
  example: 'metric: contactRate',
  sql: () =>
    unitsCte(`select c.id::text, c.debtor_id, null::uuid, c.id,
                 (case when exists (
                    select 1 from contact_attempts x
                    where x.tenant_id = c.tenant_id and x.case_id = c.id
                      and x.outcome_code in ${REACHED_SQL}
                      and (x.attempted_at at time zone k.tz)::date between k.period_start and k.as_of)
                  then 1 else 0 end)::numeric, 1::numeric
          from cases c cross join k
          where c.tenant_id = k.tenant_id and c.opened_on <= k.as_of
            and (c.closed_on is null or c.closed_on > k.as_of)`),
  units: (facts, scope) =>
    facts.cases
      .filter(
        (c) =>
          compareLocalDates(c.openedOn, scope.asOf) <= 0 &&
          (c.closedOn === null || compareLocalDates(c.closedOn, scope.asOf) > 0),
      )
      .map((c) => ({
        key: c.id,
        debtorId: c.debtorId,
        num: new Dec(
          facts.contacts.some(
            (x) =>
              x.caseId === c.id && REACHED_OUTCOMES.includes(x.outcome) && inPeriod(x.on, scope),
          )
            ? 1
            : 0,
        ),
        den: new Dec(1),
      })),
});
