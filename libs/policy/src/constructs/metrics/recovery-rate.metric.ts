import { compareLocalDates } from '@qingshou/calendar';
import { Dec } from '@qingshou/ledger';
import { unitsCte } from '../sql/units.sql';
import { defineMetric, PeriodArgs } from './metric-definition';
import { inPeriod, receipts } from './metric-facts';

/**
 * Recovered in the period ÷ what was overdue when it began: contract amounts due before the
 * start, not covered by receipts (as known on the date) dated before it.
 */
export const recoveryRateMetric = defineMetric({
  args: PeriodArgs,
  names: { zh: '清收率', en: 'Recovery rate' },
  summary: {
    zh: '期间内收回金额 ÷ 期初逾期余额。',
    en: 'Amount recovered in the period ÷ the overdue balance at the start of the period.',
  },
  unit: 'ratio',
  better: 'higher',
  inputs: ['payments', 'balances'],
  example: 'metric: recoveryRate',
  sql: () =>
    unitsCte(`select a.id::text, a.debtor_id, a.id, null::uuid,
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
  units: (facts, scope) => {
    const all = receipts(facts, scope);
    const zero = new Dec(0);
    return facts.accounts
      .filter((a) => scope.accountTypes.includes(a.type))
      .map((a) => {
        const mine = all.filter((r) => r.accountId === a.id);
        const recovered = mine
          .filter((r) => inPeriod(r.paidOn, scope))
          .reduce((s, r) => s.plus(r.recovered), zero);
        const dueBefore = a.installments
          .filter((i) => compareLocalDates(i.dueDate, scope.periodStart) < 0)
          .reduce((s, i) => s.plus(i.principal).plus(i.interest), zero);
        const paidBefore = mine
          .filter((r) => compareLocalDates(r.paidOn, scope.periodStart) < 0)
          .reduce((s, r) => s.plus(r.amount), zero);
        const open = dueBefore.minus(paidBefore);
        return {
          key: a.id,
          debtorId: a.debtorId,
          num: recovered,
          den: open.isNegative() ? zero : open,
        };
      });
  },
});
