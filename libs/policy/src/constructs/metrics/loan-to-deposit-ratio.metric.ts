import { ValueOrParam } from '../../schema/field-decorators';
import { unitsCte } from '../sql/units.sql';
import { defineMetric } from './metric-definition';
import { accountStates } from './metric-facts';

export class LoanToDepositArgs {
  /** The deposit (contribution) balance in yuan; absent, the imported balances are summed. */
  @ValueOrParam('decimal', { min: 0.01 })
  depositBalance?: string;
}

/** The numerator only; the deposit balance comes from the arguments or kpi_inputs. */
export const loanToDepositRatioMetric = defineMetric({
  args: LoanToDepositArgs,
  names: { zh: '个贷率', en: 'Loan-to-deposit ratio' },
  summary: {
    zh: '个人住房贷款余额 ÷ 缴存余额。',
    en: 'Outstanding housing-fund loan principal ÷ the contribution (deposit) balance.',
  },
  unit: 'ratio',
  better: 'higher',
  inputs: ['accounts', 'deposit balance'],
  example: 'metric: loanToDepositRatio\nargs: { depositBalance: { param: depositBalance } }',
  accountTypes: () => ['housing-fund-loan'],
  plan: { input: 'deposit-balance', arg: 'depositBalance' },
  sql: () =>
    unitsCte(`select s.account_id::text, s.debtor_id, s.account_id, null::uuid,
                 s.outstanding_principal, null::numeric
          from acct s where s.outstanding_principal > 0`),
  units: (facts, scope) =>
    accountStates(facts, scope)
      .filter((s) => s.outstandingPrincipal.gt(0))
      .map((s) => ({
        key: s.accountId,
        debtorId: s.debtorId,
        num: s.outstandingPrincipal,
        den: null,
      })),
});
