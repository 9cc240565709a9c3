import { IsOptional } from 'class-validator';
import { Dec } from '@qingshou/ledger';
import { OneOf } from '../../schema/rules';
import { unitsCte } from '../sql/units.sql';
import { defineMetric } from './metric-definition';
import { accountStates, type MetricUnit } from './metric-facts';

export class ContributionArrearsArgs {
  @IsOptional()
  @OneOf(['amount', 'count'])
  basis: string = 'amount';
}

/**
 * Contributions due before the date and unpaid ÷ contributions due before the date
 * (amount); employers with any arrears ÷ employers with contributions due (count).
 */
export const contributionArrearsRatioMetric = defineMetric({
  args: ContributionArrearsArgs,
  names: { zh: '欠缴率', en: 'Contribution arrears ratio' },
  summary: {
    zh: 'amount：欠缴金额 ÷ 应缴金额；count：停缴或少缴单位数 ÷ 应缴单位数。',
    en: 'amount: contributions in arrears ÷ contributions due; count: employers stopped or under-paying ÷ employers due to pay.',
  },
  unit: 'ratio',
  better: 'lower',
  inputs: ['contribution accounts', 'payments'],
  example: 'metric: contributionArrearsRatio',
  accountTypes: () => ['employer-contribution'],
  sql: (o) =>
    o.basis === 'count'
      ? unitsCte(`select s.debtor_id::text, s.debtor_id, null::uuid, null::uuid,
                     (case when sum(s.overdue_amount) > 0 then 1 else 0 end)::numeric, 1::numeric
              from acct s where s.past_due_amount > 0 group by s.debtor_id`)
      : unitsCte(`select s.account_id::text, s.debtor_id, s.account_id, null::uuid,
                     s.overdue_amount, s.past_due_amount
              from acct s where s.past_due_amount > 0`),
  units: (facts, scope) => {
    const states = accountStates(facts, scope).filter((s) => s.pastDueAmount.gt(0));
    if (scope.basis !== 'count') {
      return states.map((s) => ({
        key: s.accountId,
        debtorId: s.debtorId,
        num: s.overdueAmount,
        den: s.pastDueAmount,
      }));
    }
    const owed = new Map<string, Dec>();
    for (const s of states) {
      owed.set(s.debtorId, (owed.get(s.debtorId) ?? new Dec(0)).plus(s.overdueAmount));
    }
    return [...owed].map(([debtorId, arrears]): MetricUnit => ({
      key: debtorId,
      debtorId,
      num: new Dec(arrears.gt(0) ? 1 : 0),
      den: new Dec(1),
    }));
  },
});
