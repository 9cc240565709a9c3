import { ValueOrParam } from '../../schema/field-decorators';
import { rangeProblems, RelativeProblem } from '../../registry/registry.types';
import { defineCondition } from '../condition-definition';
import { inRange } from '../judge-helpers';
import { intRange } from '../sql/sql-values';

export class DpdArgs {
  @ValueOrParam('integer', { min: 0 })
  min?: number;

  @ValueOrParam('integer', { min: 0 })
  max?: number;

  refine(): RelativeProblem[] {
    return rangeProblems(this.min, this.max);
  }
}

/** `4` → exactly 4; `"1..3"`, `"90.."`, `"..30"` → a range. */
function dpdShorthand(value: unknown): unknown {
  if (typeof value === 'number') return { min: value, max: value };
  if (typeof value === 'string') {
    const match = /^\s*(\d*)\s*\.\.\s*(\d*)\s*$/.exec(value);
    if (match && (match[1] || match[2])) {
      return {
        ...(match[1] ? { min: Number(match[1]) } : {}),
        ...(match[2] ? { max: Number(match[2]) } : {}),
      };
    }
  }
  return value;
}

/**
 * `dpd` is the collection clock: the EFFECTIVE DPD, paused days taken out (a pause stops
 * escalation, issue 3). The ladder, flags, lists and drive scopes all test this one; the
 * raw contractual DPD is for loan class and the KPIs (docs/policy-packs.md, "What dpd means").
 */
export const dpdCondition = defineCondition({
  args: DpdArgs,
  summary: {
    zh: '逾期天数在范围内（含两端；暂停的天数不计）',
    en: 'Days past due within [min, max], both inclusive (paused days not counted)',
  },
  example: 'dpd: { min: 1, max: 3 }   # or dpd: 4, dpd: "90.."',
  normalize: dpdShorthand,
  facts: ['effectiveDpd'],
  judge: (a, { facts }) => inRange(facts.effectiveDpd, a.min, a.max),
  sql: (a) => `(${intRange('s.effective_dpd', a)})`,
});
