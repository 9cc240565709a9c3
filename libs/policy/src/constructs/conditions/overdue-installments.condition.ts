import { overdueInstallmentsSql } from '@qingshou/ledger';
import { ValueOrParam } from '../../schema/field-decorators';
import { OneOf, Required } from '../../schema/rules';
import { rangeProblems, RelativeProblem } from '../../registry/registry.types';
import { defineCondition } from '../condition-definition';
import { inRange } from '../judge-helpers';
import { ACCOUNTS_OF } from '../sql/subject-row';
import { intRange } from '../sql/sql-values';

export const OVERDUE_INSTALLMENT_COUNTS = ['consecutive', 'cumulative'] as const;

export class OverdueInstallmentsArgs {
  @Required()
  @OneOf([...OVERDUE_INSTALLMENT_COUNTS])
  of!: string;

  @ValueOrParam('integer', { min: 0 })
  min?: number;

  @ValueOrParam('integer', { min: 0 })
  max?: number;

  refine(): RelativeProblem[] {
    return rangeProblems(this.min, this.max);
  }
}

/**
 * 连续/累计逾期期数 (e.g. 公积金贷款 "连续逾期3期"): installments, not days — the ledger's
 * countOverdueInstallments defines them, overdueInstallmentsSql is its SQL twin. A case
 * (or debtor) counts by its worst account: the largest count of its accounts.
 */
export const overdueInstallmentsCondition = defineCondition({
  args: OverdueInstallmentsArgs,
  summary: {
    zh: '逾期期数在范围内（连续 consecutive 或累计 cumulative，含两端）',
    en: 'Overdue installments within [min, max]: consecutive or cumulative, both inclusive',
  },
  example: 'overdueInstallments: { of: consecutive, min: 3 }',
  facts: ['overdueInstallments'],
  judge: (a, { facts }) => {
    const counts = facts.overdueInstallments ?? { consecutive: 0, cumulative: 0 };
    return inRange(a.of === 'cumulative' ? counts.cumulative : counts.consecutive, a.min, a.max);
  },
  sql: (a) => {
    const column = a.of === 'cumulative' ? 'cumulative' : 'consecutive';
    const worst = `(select coalesce(max(t.${column}), 0) from ${overdueInstallmentsSql(`${ACCOUNTS_OF}`)} t)`;
    return `(${intRange(worst, a)})`;
  },
});
