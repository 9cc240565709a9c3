import { InvalidCalendarInputError } from './calendar.errors';
import { LocalDate, addDays, assertLocalDate, daysBetween } from './local-date';
import { PRC_PUBLIC_CALENDAR, WorkingDayCalendar } from './prc-holidays';

/**
 * Legal periods on notices, counted as PRC civil procedure counts them (民事诉讼法 第八十五条):
 * the day the period starts from is not counted, and a period whose last day is a holiday
 * or other non-working day ends on the next working day. Make-up working days (调休) are
 * working days, so a period may end on one.
 *
 * The default calendar is the statutory one (public holidays only). Pass a tenant's
 * BusinessCalendar to honour its closures as well.
 */

/** Longer than any real run of days off; beyond it the calendar is broken. */
const MAX_DAYS_OFF_IN_A_ROW = 366;

function assertWholeDays(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new InvalidCalendarInputError(`${name} must be a whole number >= ${min}, got ${value}`);
  }
}

/** `date` itself when it is a working day, else the first working day after it. */
function onOrAfterWorkingDay(date: LocalDate, calendar: WorkingDayCalendar): LocalDate {
  let result = date;
  for (let skipped = 0; !calendar.isWorkingDay(result); skipped++) {
    if (skipped >= MAX_DAYS_OFF_IN_A_ROW) {
      throw new InvalidCalendarInputError(`no working day within a year after ${date}`);
    }
    result = addDays(result, 1);
  }
  return result;
}

/**
 * The last day of a period of `days` calendar days counted from `startDate` (not counted),
 * moved to the next working day when it falls on a day off.
 */
export function deadlineFrom(
  startDate: LocalDate,
  days: number,
  calendar: WorkingDayCalendar = PRC_PUBLIC_CALENDAR,
): LocalDate {
  assertLocalDate(startDate);
  assertWholeDays('a period', days, 1);
  return onOrAfterWorkingDay(addDays(startDate, days), calendar);
}

export type DeliveryOutcome = 'signed' | 'refused' | 'undeliverable' | 'pending';

export interface NoticeDeadlineInput {
  /** The date the notice was posted. */
  readonly sentOn: LocalDate;
  readonly outcome: DeliveryOutcome;
  /** The date of signed receipt; required when and only when `outcome` is 'signed'. */
  readonly signedOn?: LocalDate;
  /** Length of the period, e.g. 10. */
  readonly periodDays: number;
  /** When refused or undeliverable, counting starts this many days after `sentOn`, e.g. 3. */
  readonly fallbackOffsetDays: number;
  /** Default: the statutory PRC calendar. */
  readonly calendar?: WorkingDayCalendar;
}

export interface BilingualText {
  readonly en: string;
  readonly zh: string;
}

export interface NoticeDeadline {
  /** Last day to act; null while delivery is pending. */
  readonly deadline: LocalDate | null;
  /** The day counting starts from (itself not counted); null while pending. */
  readonly countFrom: LocalDate | null;
  /** Whether the deadline was moved off a non-working day. */
  readonly extended: boolean;
  /** Short wording for the notice, e.g. '自签收之日起10日'. */
  readonly explanation: BilingualText;
}

const EXTENDED: BilingualText = {
  en: '; ends on a non-working day, so extended to the next working day',
  zh: '；期满日为节假日的，顺延至节假日后第一个工作日',
};

/**
 * The deadline of a delivery-based notice rule: `periodDays` from signed receipt; if refused
 * or undeliverable, counted from `fallbackOffsetDays` after the send date.
 */
export function noticeDeadline(input: NoticeDeadlineInput): NoticeDeadline {
  const { sentOn, outcome, signedOn, periodDays, fallbackOffsetDays } = input;
  const calendar = input.calendar ?? PRC_PUBLIC_CALENDAR;
  assertLocalDate(sentOn);
  assertWholeDays('periodDays', periodDays, 1);
  assertWholeDays('fallbackOffsetDays', fallbackOffsetDays, 0);
  if ((outcome === 'signed') !== (signedOn !== undefined)) {
    throw new InvalidCalendarInputError('signedOn is required when, and only when, signed');
  }

  let countFrom: LocalDate;
  let rule: BilingualText;
  switch (outcome) {
    case 'pending':
      return {
        deadline: null,
        countFrom: null,
        extended: false,
        explanation: { en: 'awaiting delivery outcome', zh: '待确认送达结果' },
      };
    case 'signed':
      countFrom = assertLocalDate(signedOn as LocalDate);
      if (daysBetween(sentOn, countFrom) < 0) {
        throw new InvalidCalendarInputError(`signed on ${countFrom}, before sent on ${sentOn}`);
      }
      rule = { en: `${periodDays} days from signed receipt`, zh: `自签收之日起${periodDays}日` };
      break;
    case 'refused':
    case 'undeliverable': {
      countFrom = addDays(sentOn, fallbackOffsetDays);
      const [en, zh] = outcome === 'refused' ? ['refused', '拒收'] : ['undeliverable', '无法送达'];
      rule = {
        en: `${en}: ${periodDays} days counted from ${fallbackOffsetDays} days after sending`,
        zh: `${zh}，自发出之日顺延${fallbackOffsetDays}日起计算${periodDays}日`,
      };
      break;
    }
    default:
      throw new InvalidCalendarInputError(`unknown delivery outcome '${String(outcome)}'`);
  }

  const deadline = deadlineFrom(countFrom, periodDays, calendar);
  const extended = deadline !== addDays(countFrom, periodDays);
  const explanation = extended ? { en: rule.en + EXTENDED.en, zh: rule.zh + EXTENDED.zh } : rule;
  return { deadline, countFrom, extended, explanation };
}
