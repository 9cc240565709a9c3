import { Dec } from '@qingshou/ledger';
import { unitsCte } from '../sql/units.sql';
import { defineMetric, PeriodArgs } from './metric-definition';
import { inPeriod } from './metric-facts';

/** Tasks whose SLA instant falls (local date) in the period, done by it; cancelled left out. */
export const slaComplianceMetric = defineMetric({
  args: PeriodArgs,
  names: { zh: '时限达标率', en: 'SLA compliance' },
  summary: {
    zh: '期间内到期的带时限任务中按时完成的比例（按工作时间计）。',
    en: 'Tasks with an SLA falling due in the period that were done in time (working time) ÷ those tasks.',
  },
  unit: 'ratio',
  better: 'higher',
  inputs: ['tasks'],
  example: 'metric: slaCompliance',
  sql: () =>
    unitsCte(`select t.id::text, c.debtor_id, null::uuid, t.case_id,
                 (case when t.status = 'done' and t.completed_at <= t.sla_due_at
                       then 1 else 0 end)::numeric, 1::numeric
          from tasks t cross join k
          join cases c on c.tenant_id = t.tenant_id and c.id = t.case_id
          where t.tenant_id = k.tenant_id and t.sla_due_at is not null and t.status <> 'cancelled'
            and (t.sla_due_at at time zone k.tz)::date between k.period_start and k.as_of`),
  units: (facts, scope) => {
    const debtorOf = new Map(facts.cases.map((c) => [c.id, c.debtorId]));
    return facts.tasks
      .filter(
        (t) =>
          t.slaDueAt !== null &&
          t.slaDueOn !== null &&
          t.status !== 'cancelled' &&
          inPeriod(t.slaDueOn, scope),
      )
      .map((t) => ({
        key: t.id,
        debtorId: debtorOf.get(t.caseId) ?? '',
        num: new Dec(
          t.status === 'done' &&
            t.completedAt !== null &&
            Date.parse(t.completedAt) <= Date.parse(t.slaDueAt as string)
            ? 1
            : 0,
        ),
        den: new Dec(1),
      }));
  },
});
