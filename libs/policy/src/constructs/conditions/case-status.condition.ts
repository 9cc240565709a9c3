import { ArrayNotEmpty } from 'class-validator';
import { OneOf, Required } from '../../schema/rules';
import { listShorthand } from '../../registry/registry.types';
import { CASE_STATUSES } from '../../registry/vocabularies';
import { defineCondition } from '../condition-definition';
import { slugs } from '../sql/sql-values';
import { LATEST_CASE } from '../sql/subject-row';

export class CaseStatusArgs {
  @Required()
  @ArrayNotEmpty({ message: 'must list at least one value' })
  @OneOf(CASE_STATUSES, { each: true })
  in!: string[];
}

/** The case's status; for a debtor subject, its latest case's. */
export const caseStatusCondition = defineCondition({
  args: CaseStatusArgs,
  summary: { zh: '案件状态属于', en: 'Case status is one of' },
  example: 'caseStatus: [settled]',
  normalize: listShorthand,
  facts: ['status'],
  judge: (a, { facts }) => a.in.includes(facts.status),
  sql: (a) => `${LATEST_CASE('status')} in ${slugs(a.in)}`,
});
