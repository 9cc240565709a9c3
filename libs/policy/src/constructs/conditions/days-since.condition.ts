import { daysBetween } from '@qingshou/calendar';
import { RefTo, ValueOrParam } from '../../schema/field-decorators';
import { Required } from '../../schema/rules';
import { rangeProblems, RelativeProblem } from '../../registry/registry.types';
import { defineCondition } from '../condition-definition';
import { inRange } from '../judge-helpers';
import { eventDateSql } from '../sql/event-dates.sql';
import { intRange, Unsafe } from '../sql/sql-values';
import { ACCOUNTS_OF, CASES_OF } from '../sql/subject-row';

export class DaysSinceArgs {
  @Required()
  @RefTo('event')
  event!: string;

  @ValueOrParam('integer', { min: 0 })
  min?: number;

  @ValueOrParam('integer', { min: 0 })
  max?: number;

  refine(): RelativeProblem[] {
    return rangeProblems(this.min, this.max);
  }
}

/**
 * Days from the latest occurrence of a registry event to the date. The SQL form counts
 * from the event's stored trace (sql/event-dates.sql.ts); an event that keeps no date
 * (an import batch, a reply slip) is undecided there, never guessed.
 */
export const daysSinceCondition = defineCondition({
  args: DaysSinceArgs,
  summary: { zh: '距最近一次某事件的天数', en: 'Days since the latest occurrence of an event' },
  example: 'daysSince: { event: visitHandedOff, min: 2 }',
  facts: ['events'],
  needs: (a) => [`event:${a.event}`],
  judge: (a, { facts, asOf }) => {
    const last = facts.events[a.event];
    return last !== undefined && inRange(daysBetween(last, asOf), a.min, a.max);
  },
  sql: (a) => {
    const latest = eventDateSql(String(a.event), {
      cases: CASES_OF,
      accounts: ACCOUNTS_OF,
      debtor: 's.debtor_id',
    });
    if (!latest) throw new Unsafe(`event "${String(a.event)}" keeps no date to count from`);
    return `(${intRange(`(k.as_of - ${latest})`, a)})`;
  },
});
