import { compareLocalDates } from '@qingshou/calendar';
import { ValueOrParam } from '../../schema/field-decorators';
import { Required } from '../../schema/rules';
import { wrapShorthand } from '../../registry/registry.types';
import { defineCondition } from '../condition-definition';

export class SettledBeforeArgs {
  /** Settled in full on or before this date (the date itself counts). */
  @Required()
  @ValueOrParam('date')
  date!: string;
}

/**
 * "Settled in full" means the full balance — penalty and compound interest included — is
 * zero, which only the ledger's calculator knows: undecided in the set-based path.
 */
export const settledBeforeCondition = defineCondition({
  args: SettledBeforeArgs,
  summary: { zh: '在该日期（含）之前全额结清', en: 'Settled in full on or before the date' },
  example: 'settledBefore: { param: amnestyDate }',
  normalize: (v: unknown) => wrapShorthand('date', v),
  scalarProperty: 'date',
  facts: ['settledOn'],
  judge: (a, { facts }) =>
    facts.settledOn !== null && compareLocalDates(facts.settledOn, a.date) <= 0,
  sql: { undecidable: 'settled in full needs the full balance (penalty), priced per case' },
});
