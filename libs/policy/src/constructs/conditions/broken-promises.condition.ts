import { ValueOrParam } from '../../schema/field-decorators';
import { Required } from '../../schema/rules';
import { wrapShorthand } from '../../registry/registry.types';
import { defineCondition } from '../condition-definition';
import { withinDays } from '../judge-helpers';
import { int } from '../sql/sql-values';
import { CASES_OF } from '../sql/subject-row';

export class BrokenPromisesArgs {
  @Required()
  @ValueOrParam('integer', { min: 1 })
  min!: number;

  /** Count only promises broken in the last N days; default: ever, on this case. */
  @ValueOrParam('integer', { min: 1 })
  withinDays?: number;
}

/** A promise counts as broken on the local date it was marked broken (broken_at). */
export const brokenPromisesCondition = defineCondition({
  args: BrokenPromisesArgs,
  summary: { zh: '未兑现的还款承诺次数 ≥ min', en: 'Broken promises to pay ≥ min' },
  example: 'brokenPromises: { min: 2 }   # or brokenPromises: 2',
  normalize: (v: unknown) => wrapShorthand('min', v),
  facts: ['brokenPromiseDates'],
  judge: (a, { facts, asOf }) => {
    const days = a.withinDays;
    const dates = facts.brokenPromiseDates.filter(
      (d) => days === undefined || withinDays(d, asOf, days),
    );
    return dates.length >= a.min;
  },
  sql: (a) => {
    const within =
      a.withinDays !== undefined
        ? ` and (p.broken_at at time zone k.tz)::date > k.as_of - ${int(a.withinDays)}`
        : '';
    return `(select count(*) from promises p where p.tenant_id = k.tenant_id
        and p.case_id in ${CASES_OF} and p.status = 'broken'${within}) >= ${int(a.min)}`;
  },
});
