import { ValueOrParam } from '../../schema/field-decorators';
import { OneOf, Required } from '../../schema/rules';
import { rangeProblems, RelativeProblem } from '../../registry/registry.types';
import { AMOUNT_FIELDS } from '../../registry/vocabularies';
import { defineCondition } from '../condition-definition';
import { inDecimalRange } from '../judge-helpers';
import { range, Unsafe } from '../sql/sql-values';

export class AmountArgs {
  @Required()
  @OneOf(AMOUNT_FIELDS)
  of!: string;

  @ValueOrParam('decimal', { min: 0 })
  min?: string;

  @ValueOrParam('decimal', { min: 0 })
  max?: string;

  refine(): RelativeProblem[] {
    return rangeProblems(this.min, this.max);
  }
}

/**
 * The contract amounts the subject row carries. Penalty, compound interest and the total
 * due need the full balance (the ledger's calculator), which the set-based path does not
 * price: those are undecided in SQL.
 */
const COLUMNS: Readonly<Record<string, string>> = {
  overdueAmount: 's.overdue_amount',
  overduePrincipal: 's.overdue_principal',
  overdueInterest: '(s.overdue_amount - s.overdue_principal)',
  outstandingPrincipal: 's.outstanding_principal',
};

/** The amount fields whose SQL form is decided (the rest: the engine only). */
export const SQL_AMOUNT_FIELDS = Object.keys(COLUMNS);

export const amountCondition = defineCondition({
  args: AmountArgs,
  summary: { zh: '金额门槛（元）', en: 'Amount threshold in yuan' },
  example: 'amount: { of: overdueAmount, min: 50000 }',
  facts: ['amounts'],
  judge: (a, { facts }) => {
    const value = facts.amounts[a.of];
    return value !== undefined && inDecimalRange(value, a.min, a.max);
  },
  sql: (a) => {
    const known = Object.prototype.hasOwnProperty.call(COLUMNS, String(a.of));
    const column = known ? COLUMNS[String(a.of)] : undefined;
    if (!column) throw new Unsafe(`amount of ${String(a.of)} needs the full balance (penalty)`);
    return `(${range(column, a)})`;
  },
});
