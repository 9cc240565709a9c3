import { LOAN_CLASS_ZH } from '@qingshou/ledger';
import { ArrayNotEmpty, IsOptional } from 'class-validator';
import { MetricArgsField, RefTo, ValueOrParam } from '../schema/field-decorators';
import { Bool, OneOf, Optional, Required, Slug } from '../schema/rules';
import { validationContext } from '../schema/validation-context';
import { rangeProblems, RelativeProblem } from './registry.types';
import { AMOUNT_FIELDS, CASE_STATUSES, CONTACT_OUTCOMES, PROMISE_STATUSES } from './vocabularies';

/** The argument classes of CONDITIONS; conditions.ts holds the entries and their docs. */

export const LOAN_CLASSES = Object.keys(LOAN_CLASS_ZH);
const NonEmpty = () => ArrayNotEmpty({ message: 'must list at least one value' });

export class DpdArgs {
  @ValueOrParam('integer', { min: 0 })
  min?: number;

  @ValueOrParam('integer', { min: 0 })
  max?: number;

  refine(): RelativeProblem[] {
    return rangeProblems(this.min, this.max);
  }
}

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

export class BrokenPromisesArgs {
  @Required()
  @ValueOrParam('integer', { min: 1 })
  min!: number;

  /** Count only promises broken in the last N days; default: ever, on this case. */
  @ValueOrParam('integer', { min: 1 })
  withinDays?: number;
}

export class PromiseArgs {
  @Required()
  @OneOf(PROMISE_STATUSES)
  status!: string;
}

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

export class LoanClassArgs {
  @Required()
  @NonEmpty()
  @OneOf(LOAN_CLASSES, { each: true })
  in!: string[];
}

export class AccountTypeArgs {
  @Required()
  @NonEmpty()
  @RefTo('accountType', { each: true })
  in!: string[];
}

export class GroupMetricArgs {
  @Required()
  @RefTo('groupType')
  groupType!: string;

  @Required()
  @RefTo('metric')
  metric!: string;

  @MetricArgsField()
  args?: object;

  @ValueOrParam('number', { min: 0 })
  min?: string;

  @ValueOrParam('number', { min: 0 })
  max?: string;

  refine(): RelativeProblem[] {
    return rangeProblems(this.min, this.max);
  }
}

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

export class SettledBeforeArgs {
  /** Settled in full on or before this date (the date itself counts). */
  @Required()
  @ValueOrParam('date')
  date!: string;
}

export class DrivePhaseArgs {
  @Required()
  @RefTo('drive')
  drive!: string;

  @Required()
  @NonEmpty()
  @Slug({ each: true })
  phase!: string[];

  refine(): RelativeProblem[] {
    const phases = validationContext()?.drivePhases.get(this.drive);
    const unknown = phases ? this.phase.filter((p) => !phases.has(p)) : [];
    return unknown.length
      ? [
          {
            path: 'phase',
            reason: `drive "${this.drive}" has no phase ${unknown.map((p) => `"${p}"`).join(', ')}`,
          },
        ]
      : [];
  }
}

export class FlagArgs {
  @Required()
  @RefTo('flag')
  id!: string;

  /** true: the flag is set; false: it is not. */
  @IsOptional()
  @Bool()
  set: boolean = true;
}

export class CaseStatusArgs {
  @Required()
  @NonEmpty()
  @OneOf(CASE_STATUSES, { each: true })
  in!: string[];
}

export class AttributeArgs {
  @Required()
  @RefTo('attribute')
  key!: string;

  @Optional()
  @NonEmpty()
  @Slug({ each: true })
  in?: string[];

  /** true: the attribute has been recorded; false: not yet. */
  @Optional()
  @Bool()
  set?: boolean;

  refine(): RelativeProblem[] {
    if ((this.in === undefined) === (this.set === undefined)) {
      return [{ path: '', reason: 'needs exactly one of "in" or "set"' }];
    }
    const allowed = validationContext()?.attributeValues.get(this.key);
    const bad = allowed && this.in ? this.in.filter((v) => !allowed.has(v)) : [];
    return bad.length
      ? [
          {
            path: 'in',
            reason: `attribute "${this.key}" has no value ${bad.map((v) => `"${v}"`).join(', ')}`,
          },
        ]
      : [];
  }
}

export class ReasonCodeArgs {
  @Required()
  @NonEmpty()
  @RefTo('reasonCode', { each: true })
  in!: string[];
}

export class ContactOutcomeArgs {
  @Required()
  @NonEmpty()
  @OneOf(CONTACT_OUTCOMES, { each: true })
  in!: string[];

  /** Look at contacts of the last N days; default: the latest contact only. */
  @ValueOrParam('integer', { min: 1 })
  withinDays?: number;
}

export class StageReachedArgs {
  @Required()
  @RefTo('stage')
  stage!: string;
}
