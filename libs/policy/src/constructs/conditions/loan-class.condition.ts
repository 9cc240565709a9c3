import { LOAN_CLASS_ZH } from '@qingshou/ledger';
import { ArrayNotEmpty } from 'class-validator';
import { OneOf, Required } from '../../schema/rules';
import { listShorthand } from '../../registry/registry.types';
import { defineCondition } from '../condition-definition';
import { loanClassSql } from '../sql/loan-class.sql';
import { slugs } from '../sql/sql-values';

export const LOAN_CLASSES = Object.keys(LOAN_CLASS_ZH);

export class LoanClassArgs {
  @Required()
  @ArrayNotEmpty({ message: 'must list at least one value' })
  @OneOf(LOAN_CLASSES, { each: true })
  in!: string[];
}

/**
 * 五级分类 is regulatory: it follows the RAW (contractual) DPD by the pack's bands, paused
 * days included — a pause stops the collection clock, not the loan's classification.
 */
export const loanClassCondition = defineCondition({
  args: LoanClassArgs,
  summary: { zh: '五级分类属于', en: 'Loan class (五级分类) is one of' },
  example: 'loanClass: [substandard, doubtful, loss]',
  normalize: listShorthand,
  facts: ['loanClass'],
  judge: (a, { facts }) => a.in.includes(facts.loanClass),
  sql: (a, o) => `${loanClassSql('s.dpd', o.loanClassBands)} in ${slugs(a.in)}`,
});
