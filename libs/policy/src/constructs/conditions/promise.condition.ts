import { OneOf, Required } from '../../schema/rules';
import { wrapShorthand } from '../../registry/registry.types';
import { PROMISE_STATUSES } from '../../registry/vocabularies';
import { defineCondition } from '../condition-definition';
import { slug } from '../sql/sql-values';
import { CASES_OF } from '../sql/subject-row';

export class PromiseArgs {
  @Required()
  @OneOf(PROMISE_STATUSES)
  status!: string;
}

export const promiseCondition = defineCondition({
  args: PromiseArgs,
  summary: { zh: '最近一次承诺的状态', en: 'Status of the latest promise' },
  example: 'promise: pending',
  normalize: (v: unknown) => wrapShorthand('status', v),
  facts: ['latestPromiseStatus'],
  judge: (a, { facts }) => facts.latestPromiseStatus === a.status,
  sql: (a) => `(select p.status from promises p where p.tenant_id = k.tenant_id
        and p.case_id in ${CASES_OF} order by p.recorded_at desc, p.id desc limit 1) = ${slug(a.status)}`,
});
