import { Dec } from '@qingshou/ledger';
import { ValueOrParam } from '../../schema/field-decorators';
import { unitsCte } from '../sql/units.sql';
import { defineMetric } from './metric-definition';
import { accountStates, type MetricUnit } from './metric-facts';

export class DefaultRateArgs {
  /** An installment more than this many days past due makes its borrower "defaulted". */
  @ValueOrParam('integer', { min: 0 })
  thresholdDays: number = 0;
}

/** Borrowers with something due; defaulted when the worst raw DPD exceeds the threshold. */
export const defaultRateMetric = defineMetric({
  args: DefaultRateArgs,
  names: { zh: '违约率', en: 'Default rate' },
  summary: {
    zh: '违约借款人数 ÷ 已有到期应还款的借款人数。违约：任一期应还款逾期超过 thresholdDays 天仍未还清；分母：截至统计日至少有一期已到期的借款人。',
    en: 'Defaulted borrowers ÷ borrowers with at least one installment due on or before the as-of date. Defaulted: some installment is unpaid more than thresholdDays days after its due date.',
  },
  unit: 'ratio',
  better: 'lower',
  inputs: ['installments', 'payments'],
  example: 'metric: defaultRate\nargs: { thresholdDays: 30 }',
  sql: () =>
    unitsCte(`select s.debtor_id::text as unit_key, s.debtor_id, null::uuid as account_id,
                 null::uuid as case_id,
                 (case when max(s.dpd) > k.threshold_days then 1 else 0 end)::numeric as num,
                 1::numeric as den
          from acct s cross join k
          where s.has_due
          group by s.debtor_id, k.threshold_days`),
  units: (facts, scope) => {
    const worst = new Map<string, number>();
    for (const s of accountStates(facts, scope).filter((x) => x.hasDue)) {
      worst.set(s.debtorId, Math.max(worst.get(s.debtorId) ?? 0, s.dpd));
    }
    return [...worst].map(([debtorId, dpd]): MetricUnit => ({
      key: debtorId,
      debtorId,
      num: new Dec(dpd > scope.thresholdDays ? 1 : 0),
      den: new Dec(1),
    }));
  },
});
