import {
  AccountTypeArgs,
  AmountArgs,
  AttributeArgs,
  BrokenPromisesArgs,
  CaseStatusArgs,
  ContactOutcomeArgs,
  DateWindowArgs,
  DaysSinceArgs,
  DpdArgs,
  DrivePhaseArgs,
  FlagArgs,
  GroupMetricArgs,
  LoanClassArgs,
  PromiseArgs,
  ReasonCodeArgs,
  SettledBeforeArgs,
  StageReachedArgs,
} from './condition-args';
import { listShorthand, RegistryEntry, wrapShorthand } from './registry.types';

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
 * CONDITIONS: what a `when` may test. A condition is an object whose keys are entry names
 * (several keys = all must hold) or the combinators `all`, `any`, `not`. Closed: a test the
 * engine cannot evaluate is a platform change, never code in a pack.
 */
export const CONDITIONS = {
  dpd: {
    args: DpdArgs,
    summary: {
      zh: '逾期天数在范围内（含两端）',
      en: 'Days past due within [min, max], both inclusive',
    },
    example: 'dpd: { min: 1, max: 3 }   # or dpd: 4, dpd: "90.."',
    normalize: dpdShorthand,
  },
  daysSince: {
    args: DaysSinceArgs,
    summary: { zh: '距最近一次某事件的天数', en: 'Days since the latest occurrence of an event' },
    example: 'daysSince: { event: visitHandedOff, min: 2 }',
  },
  brokenPromises: {
    args: BrokenPromisesArgs,
    summary: { zh: '未兑现的还款承诺次数 ≥ min', en: 'Broken promises to pay ≥ min' },
    example: 'brokenPromises: { min: 2 }   # or brokenPromises: 2',
    normalize: (v: unknown) => wrapShorthand('min', v),
  },
  promise: {
    args: PromiseArgs,
    summary: { zh: '最近一次承诺的状态', en: 'Status of the latest promise' },
    example: 'promise: pending',
    normalize: (v: unknown) => wrapShorthand('status', v),
  },
  amount: {
    args: AmountArgs,
    summary: { zh: '金额门槛（元）', en: 'Amount threshold in yuan' },
    example: 'amount: { of: overdueAmount, min: 50000 }',
  },
  loanClass: {
    args: LoanClassArgs,
    summary: { zh: '五级分类属于', en: 'Loan class (五级分类) is one of' },
    example: 'loanClass: [substandard, doubtful, loss]',
    normalize: listShorthand,
  },
  accountType: {
    args: AccountTypeArgs,
    summary: {
      zh: '账户类型属于（须在 accountTypes 中声明）',
      en: 'Account type is one of (declared in accountTypes)',
    },
    example: 'accountType: [employer-contribution]',
    normalize: listShorthand,
  },
  groupMetric: {
    args: GroupMetricArgs,
    summary: {
      zh: '所属组（村、学校…）的指标在界限内',
      en: "The metric of the debtor's group is within bounds",
    },
    example: 'groupMetric: { groupType: village, metric: nplRatio, max: 0.10 }',
  },
  dateWindow: {
    args: DateWindowArgs,
    summary: { zh: '业务日期在区间内（含两端）', en: 'The business date is within [from, to]' },
    example: 'dateWindow: { to: { param: amnestyDate } }',
  },
  settledBefore: {
    args: SettledBeforeArgs,
    summary: { zh: '在该日期（含）之前全额结清', en: 'Settled in full on or before the date' },
    example: 'settledBefore: { param: amnestyDate }',
    normalize: (v: unknown) => wrapShorthand('date', v),
    scalarProperty: 'date',
  },
  drivePhase: {
    args: DrivePhaseArgs,
    summary: { zh: '专项活动处于某阶段', en: 'A drive is in one of the phases' },
    example: 'drivePhase: { drive: npl-drive, phase: [collection] }',
  },
  flag: {
    args: FlagArgs,
    summary: { zh: '标记已设置（或未设置）', en: 'A flag is set (or, with set: false, not set)' },
    example: 'flag: credit-hold   # or flag: { id: credit-hold, set: false }',
    normalize: (v: unknown) => wrapShorthand('id', v),
  },
  caseStatus: {
    args: CaseStatusArgs,
    summary: { zh: '案件状态属于', en: 'Case status is one of' },
    example: 'caseStatus: [settled]',
    normalize: listShorthand,
  },
  attribute: {
    args: AttributeArgs,
    summary: { zh: '客户情况（属性）取值', en: 'An assessment attribute has one of the values' },
    example: 'attribute: { key: cash-position, in: [good] }',
  },
  reasonCode: {
    args: ReasonCodeArgs,
    summary: { zh: '逾期原因属于', en: 'The overdue reason is one of' },
    example: 'reasonCode: [bad-faith]',
    normalize: listShorthand,
  },
  contactOutcome: {
    args: ContactOutcomeArgs,
    summary: {
      zh: '联系结果属于（最近一次或 N 天内）',
      en: 'Contact outcome (latest, or within N days) is one of',
    },
    example: 'contactOutcome: { in: [refused, stalling], withinDays: 7 }',
    normalize: listShorthand,
  },
  stageReached: {
    args: StageReachedArgs,
    summary: { zh: '案件曾进入某阶段', en: 'The case has been in the stage at some point' },
    example: 'stageReached: legal',
    normalize: (v: unknown) => wrapShorthand('stage', v),
  },
} satisfies Record<string, RegistryEntry>;

export type ConditionName = keyof typeof CONDITIONS;
export const CONDITION_NAMES = Object.keys(CONDITIONS) as ConditionName[];
export const COMBINATORS = ['all', 'any', 'not'] as const;

type ArgsOf<E> = E extends { args: new () => infer A } ? A : never;

/**
 * A parsed condition: registry keys with their argument objects, all of which must hold,
 * plus combinators. `{}` never appears: a condition tests at least one thing.
 */
export type ConditionSpec = { [K in ConditionName]?: ArgsOf<(typeof CONDITIONS)[K]> } & {
  all?: ConditionSpec[];
  any?: ConditionSpec[];
  not?: ConditionSpec;
};
