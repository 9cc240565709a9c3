import { IsOptional } from 'class-validator';
import { Dec } from '@qingshou/ledger';
import { OneOf } from '../../schema/rules';
import { unitsCte } from '../sql/units.sql';
import { defineMetric } from './metric-definition';
import { accountStates } from './metric-facts';

export class OverdueRateArgs {
  @IsOptional()
  @OneOf(['balance', 'count'])
  basis: string = 'balance';
}

/** "Overdue" by the raw DPD: an account with an installment due before the date, unpaid. */
export const overdueRateMetric = defineMetric({
  args: OverdueRateArgs,
  names: { zh: '逾期率', en: 'Overdue rate' },
  summary: {
    zh: 'balance：有逾期的贷款余额 ÷ 贷款余额；count：有逾期的户数 ÷ 总户数。',
    en: 'balance: outstanding principal of accounts with anything overdue ÷ all outstanding principal; count: accounts overdue ÷ accounts.',
  },
  unit: 'ratio',
  better: 'lower',
  inputs: ['accounts', 'installments', 'payments'],
  example: 'metric: overdueRate',
  sql: (o) =>
    o.basis === 'count'
      ? unitsCte(`select s.account_id::text, s.debtor_id, s.account_id, null::uuid,
                     (case when s.dpd > 0 then 1 else 0 end)::numeric, 1::numeric
              from acct s where s.outstanding_principal > 0 or s.overdue_amount > 0`)
      : unitsCte(`select s.account_id::text, s.debtor_id, s.account_id, null::uuid,
                     case when s.dpd > 0 then s.outstanding_principal else 0 end,
                     s.outstanding_principal
              from acct s where s.outstanding_principal > 0`),
  units: (facts, scope) => {
    const states = accountStates(facts, scope);
    if (scope.basis === 'count') {
      return states
        .filter((s) => s.outstandingPrincipal.gt(0) || s.overdueAmount.gt(0))
        .map((s) => ({
          key: s.accountId,
          debtorId: s.debtorId,
          num: new Dec(s.dpd > 0 ? 1 : 0),
          den: new Dec(1),
        }));
    }
    return states
      .filter((s) => s.outstandingPrincipal.gt(0))
      .map((s) => ({
        key: s.accountId,
        debtorId: s.debtorId,
        num: s.dpd > 0 ? s.outstandingPrincipal : new Dec(0),
        den: s.outstandingPrincipal,
      }));
  },
});
