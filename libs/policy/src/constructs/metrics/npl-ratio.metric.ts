import { Dec, isNonPerforming, loanClass } from '@qingshou/ledger';
import { loanClassSql, NPL_CLASSES } from '../sql/loan-class.sql';
import { unitsCte } from '../sql/units.sql';
import { defineMetric, NoArgs } from './metric-definition';
import { accountStates } from './metric-facts';

/** Loan class by the raw (contractual) DPD: a regulatory figure. */
export const nplRatioMetric = defineMetric({
  args: NoArgs,
  names: { zh: '不良贷款率', en: 'NPL ratio' },
  summary: {
    zh: '次级、可疑、损失类贷款余额 ÷ 贷款余额（本金）。',
    en: 'Outstanding principal classed substandard, doubtful or loss ÷ all outstanding principal.',
  },
  unit: 'ratio',
  better: 'lower',
  inputs: ['accounts', 'loanClass'],
  example: 'metric: nplRatio',
  sql: (o) =>
    unitsCte(`select s.account_id::text, s.debtor_id, s.account_id, null::uuid,
                 case when ${loanClassSql('s.dpd', o.loanClassBands)} in ${NPL_CLASSES}
                      then s.outstanding_principal else 0 end,
                 s.outstanding_principal
          from acct s where s.outstanding_principal > 0`),
  units: (facts, scope) =>
    accountStates(facts, scope)
      .filter((s) => s.outstandingPrincipal.gt(0))
      .map((s) => ({
        key: s.accountId,
        debtorId: s.debtorId,
        num: isNonPerforming(
          loanClass(s.dpd, scope.loanClassBands?.length ? scope.loanClassBands : undefined),
        )
          ? s.outstandingPrincipal
          : new Dec(0),
        den: s.outstandingPrincipal,
      })),
});
