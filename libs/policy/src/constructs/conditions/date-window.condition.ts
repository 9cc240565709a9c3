import { compareLocalDates } from '@qingshou/calendar';
import { ValueOrParam } from '../../schema/field-decorators';
import type { RelativeProblem } from '../../registry/registry.types';
import { defineCondition } from '../condition-definition';
import { date, range } from '../sql/sql-values';

export class DateWindowArgs {
  @ValueOrParam('date')
  from?: string;

  @ValueOrParam('date')
  to?: string;

  refine(): RelativeProblem[] {
    if (this.from === undefined && this.to === undefined) {
      return [{ path: '', reason: 'needs from, to or both' }];
    }
    if (this.from && this.to && this.from > this.to) {
      return [{ path: 'to', reason: `must be on or after from (${this.from})` }];
    }
    return [];
  }
}

export const dateWindowCondition = defineCondition({
  args: DateWindowArgs,
  summary: { zh: '业务日期在区间内（含两端）', en: 'The business date is within [from, to]' },
  example: 'dateWindow: { to: { param: amnestyDate } }',
  facts: [],
  judge: (a, { asOf }) =>
    (a.from === undefined || compareLocalDates(asOf, a.from) >= 0) &&
    (a.to === undefined || compareLocalDates(asOf, a.to) <= 0),
  sql: (a) => `(${range('k.as_of', { min: a.from, max: a.to }, date)})`,
});
