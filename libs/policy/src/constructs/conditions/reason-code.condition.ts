import { ArrayNotEmpty } from 'class-validator';
import { RefTo } from '../../schema/field-decorators';
import { Required } from '../../schema/rules';
import { listShorthand } from '../../registry/registry.types';
import { defineCondition } from '../condition-definition';
import { slugs } from '../sql/sql-values';
import { LATEST_CASE } from '../sql/subject-row';

export class ReasonCodeArgs {
  @Required()
  @ArrayNotEmpty({ message: 'must list at least one value' })
  @RefTo('reasonCode', { each: true })
  in!: string[];
}

/** The case's overdue reason; for a debtor subject, its latest case's. */
export const reasonCodeCondition = defineCondition({
  args: ReasonCodeArgs,
  summary: { zh: '逾期原因属于', en: 'The overdue reason is one of' },
  example: 'reasonCode: [bad-faith]',
  normalize: listShorthand,
  facts: ['overdueReasonCode'],
  judge: (a, { facts }) =>
    facts.overdueReasonCode !== null && a.in.includes(facts.overdueReasonCode),
  sql: (a) => `${LATEST_CASE('overdue_reason_code')} in ${slugs(a.in)}`,
});
