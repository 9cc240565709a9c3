import { BusinessCalendar, DEFAULT_TIME_ZONE, DEFAULT_WORKING_HOURS } from '@qingshou/calendar';
import { ACCOUNT_TERM_NAMES, checkBands } from '@qingshou/ledger';
import { ArrayNotEmpty, IsIn, IsOptional, Matches } from 'class-validator';
import { LOAN_CLASSES } from '../registry/condition-args';
import type { RelativeProblem } from '../registry/registry.types';
import { CONTACT_CHANNELS, PARTIES } from '../registry/vocabularies';
import { ValueOrParam } from './field-decorators';
import { CodeLabel } from './parameters.schema';
import { Bool, Int, Nested, NestedList, OneOf, Optional, Required, Text } from './rules';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const Time = () => Matches(TIME, { message: 'must be a time HH:mm' });
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class TimeWindow {
  @Required()
  @Time()
  start!: string;

  @Required()
  @Time()
  end!: string;

  refine(): RelativeProblem[] {
    return this.start < this.end
      ? []
      : [{ path: 'end', reason: `must be after start (${this.start})` }];
  }
}

export class CalendarOverrideSpec {
  @Required()
  @Matches(DATE, { message: 'must be a date YYYY-MM-DD' })
  date!: string;

  @Required()
  @Text(200)
  reason!: string;
}

/** Day count, zone, office hours and the tenant's exceptions to the PRC calendar (DESIGN §4). */
export class CalendarSpec {
  /**
   * Binds every account's basis (docs/policy-packs.md "Terms from the pack"); absent: the
   * pack says nothing and each account's own basis (else 360) applies.
   */
  @IsOptional()
  @IsIn([360, 365], { message: 'must be 360 or 365' })
  dayCountBasis?: 360 | 365;

  @IsOptional()
  @IsIn(Intl.supportedValuesOf('timeZone'), {
    message: 'must be an IANA time zone like Asia/Shanghai',
  })
  timeZone: string = DEFAULT_TIME_ZONE;

  @IsOptional()
  @NestedList(() => TimeWindow, 6)
  workingHours: TimeWindow[] = DEFAULT_WORKING_HOURS.map((w) => Object.assign(new TimeWindow(), w));

  /** Days the office is closed although the public calendar works. */
  @IsOptional()
  @NestedList(() => CalendarOverrideSpec, 400)
  holidays: CalendarOverrideSpec[] = [];

  /** Days the office works although the public calendar rests. */
  @IsOptional()
  @NestedList(() => CalendarOverrideSpec, 400)
  workingDays: CalendarOverrideSpec[] = [];

  refine(): RelativeProblem[] {
    try {
      new BusinessCalendar({
        timeZone: this.timeZone,
        workingHours: this.workingHours,
        extraHolidays: this.holidays,
        extraWorkingDays: this.workingDays,
      });
      return [];
    } catch (error) {
      return [{ path: '', reason: (error as Error).message }];
    }
  }
}

/** When and whom a collector may contact; enforced when contacts are logged or offered. */
export class ContactRulesSpec {
  @IsOptional()
  @Nested(() => TimeWindow)
  allowedHours: TimeWindow = Object.assign(new TimeWindow(), { start: '08:00', end: '21:00' });

  @ValueOrParam('integer', { min: 1, max: 50 })
  maxAttemptsPerDay: number = 3;

  @ValueOrParam('integer', { min: 1, max: 200 })
  maxAttemptsPer7Days: number = 7;

  /** No unrelated third parties, ever; debtor and guarantor by default. */
  @IsOptional()
  @ArrayNotEmpty({ message: 'must list at least one party' })
  @OneOf(PARTIES, { each: true })
  allowedParties: string[] = ['debtor', 'guarantor'];

  @IsOptional()
  @Bool()
  requireNotes: boolean = false;

  /** Channels whose contacts must carry a recording (篇八: calls and visits). */
  @IsOptional()
  @OneOf(CONTACT_CHANNELS, { each: true })
  requireRecording: string[] = [];

  /**
   * How long after a contact it may still be logged (a call at 20:40 written up at 21:05, a
   * visit written up next morning). Earlier contacts are refused: the record would be hearsay.
   */
  @IsOptional()
  @Int(0, 720)
  backdateLimitHours: number = 72;

  /**
   * The office's result codes (结果码), each with its next follow-up in days. Empty: the
   * platform's outcomes, and no follow-up is scheduled unless a date is given.
   */
  @IsOptional()
  @NestedList(() => ResultCodeSpec, 60)
  resultCodes: ResultCodeSpec[] = [];
}

/** One result code of a contact (承诺还款, 推诿 …) and when to follow it up. */
export class ResultCodeSpec extends CodeLabel {
  /** Days from the contact's date to the next follow-up; absent: no follow-up by default. */
  @Optional()
  @Int(0, 365)
  followUpDays?: number;
}

export const DUE_COMPONENTS = ['fees', 'penalty', 'compound', 'interest', 'principal'] as const;

/**
 * 罚息 and 复利 (DESIGN §4) and the order a payment settles components. What the pack states
 * binds every account of the tenant, at registration, at import and in every balance, from
 * the day the installation takes effect (docs/policy-packs.md "Terms from the pack"); what it
 * leaves out is each account's own (markup 0, compound off, the default order).
 */
export class InterestSpec {
  /** Penalty rate = contract rate × (1 + markup); typically 30%–50%. */
  @Optional()
  @ValueOrParam('percent', { min: 0, max: 1 })
  penaltyMarkup?: string;

  @Optional()
  @ValueOrParam('boolean')
  compoundInterest?: boolean;

  @Optional()
  @OneOf(DUE_COMPONENTS, { each: true })
  allocationOrder?: string[];

  /**
   * Terms an account may set for itself, overriding the pack's (a contract with its own
   * penalty clause). Not listed: an account that gives another value is refused. The
   * allocation order is the pack's alone (an account has no order of its own).
   */
  @IsOptional()
  @OneOf(ACCOUNT_TERM_NAMES, { each: true })
  accountMayOverride: string[] = [];

  refine(): RelativeProblem[] {
    const problems: RelativeProblem[] = [];
    const order = this.allocationOrder;
    if (order && [...order].sort().join() !== [...DUE_COMPONENTS].sort().join()) {
      problems.push({
        path: 'allocationOrder',
        reason: `must list each of ${DUE_COMPONENTS.join(', ')} once`,
      });
    }
    const listed = this.accountMayOverride ?? [];
    listed.forEach((term, i) => {
      if (listed.indexOf(term) !== i) {
        problems.push({ path: `accountMayOverride[${i}]`, reason: `lists "${term}" twice` });
      }
    });
    return problems;
  }
}

export class BandSpec {
  @Required()
  @Text(16)
  label!: string;

  @Required()
  @Int(0, 100000)
  minDpd!: number;
}

function bandProblems(bands: BandSpec[] | undefined, path: string): RelativeProblem[] {
  if (!bands) return [];
  try {
    checkBands(bands);
    return [];
  } catch (error) {
    return [{ path, reason: (error as Error).message }];
  }
}

/** 五级分类 and 账龄 cut-offs; absent, the ledger's defaults apply. */
export class ClassificationSpec {
  @Optional()
  @NestedList(() => BandSpec, 5)
  loanClassBands?: BandSpec[];

  @Optional()
  @NestedList(() => BandSpec, 24)
  agingBuckets?: BandSpec[];

  /**
   * The office counts overdue loans by 期数 (连续/累计逾期期数, 篇九's monthly repayments):
   * the case page and case pool show the counts. Off: days and buckets only.
   */
  @Optional()
  @Bool()
  countInstallments?: boolean;

  refine(): RelativeProblem[] {
    const bad = (this.loanClassBands ?? []).filter((b) => !LOAN_CLASSES.includes(b.label));
    return [
      ...bad.map((b) => ({
        path: 'loanClassBands',
        reason: `"${b.label}" is not one of ${LOAN_CLASSES.join(', ')}`,
      })),
      ...bandProblems(this.loanClassBands, 'loanClassBands'),
      ...bandProblems(this.agingBuckets, 'agingBuckets'),
    ];
  }
}

/** The overdue-reason taxonomy (篇六's six causes), optionally required when a case is worked. */
export class ReasonCodesSpec {
  @IsOptional()
  @Bool()
  requiredWhenWorked: boolean = false;

  @IsOptional()
  @NestedList(() => CodeLabel, 100)
  codes: CodeLabel[] = [];
}
