import { addYears, compareDates, daysBetween, LocalDate, parseLocalDate } from '../local-date';
import { dec, MoneyInput, roundFen } from '../money';
import { DayCountBasis, parseRate, RateInput } from '../rate';
import { Installment, installment, ScheduleError } from './schedule.types';

/**
 * 生源地信用助学贷款, columns as the student-aid centre sends them
 * (贷款金额, 年利率, 贴息截止日, 本金宽限期(年), 最后还款日).
 */
export interface StudentLoanScheduleParams {
  principal: MoneyInput;
  annualRate: RateInput;
  /** 贴息截止日: the state pays all interest up to and including this day (end of study). */
  subsidyEndDate: LocalDate;
  /** 本金宽限期: years after subsidyEndDate in which only interest is paid. */
  graceYears: number;
  /** 最后还款日. Its month and day are the annual settlement day (normally 12-20). */
  finalDueDate: LocalDate;
  /** Student loans accrue by actual days; the pack may switch to 365. Default 360. */
  dayCountBasis?: DayCountBasis;
}

/**
 * Settlement is yearly, on the anniversaries of the final due date (12-20 for the national
 * product). Every settlement date after the subsidy ends bills the interest accrued since the
 * previous one (the first period starts the day after subsidyEndDate — start day not counted)
 * at balance × rate / basis × actual days. Settlement dates strictly after the grace period
 * ends (subsidyEndDate + graceYears) also repay principal in equal parts, the last one taking
 * the rounding remainder. Interest is rounded once per settlement, when it is billed.
 *
 * Example: subsidy to 2020-08-31, 3 grace years, final 2035-12-20 → interest only on
 * 2020-12-20 (111 days), 2021-12-20 and 2022-12-20; principal in 13 parts 2023-12-20…2035-12-20.
 */
export function studentLoanSchedule(params: StudentLoanScheduleParams): Installment[] {
  const principal = dec(params.principal);
  const rate = parseRate(params.annualRate);
  const basis = params.dayCountBasis ?? 360;
  if (!principal.isPositive() || principal.isZero()) {
    throw new ScheduleError('principal must be positive');
  }
  if (!Number.isInteger(params.graceYears) || params.graceYears < 0) {
    throw new ScheduleError(`graceYears must be a whole number ≥ 0, got ${params.graceYears}`);
  }
  parseLocalDate(params.subsidyEndDate);
  const dates = settlementDates(params.subsidyEndDate, params.finalDueDate);
  const graceEnd = addYears(params.subsidyEndDate, params.graceYears);
  const repaying = dates.filter((d) => compareDates(d, graceEnd) > 0).length;
  if (repaying === 0) {
    throw new ScheduleError(
      `no settlement date after the grace period (ends ${graceEnd}) and by ${params.finalDueDate}`,
    );
  }
  const part = roundFen(principal.div(repaying));
  let balance = principal;
  let from = params.subsidyEndDate;
  let paidParts = 0;
  return dates.map((dueDate, i) => {
    const interest = roundFen(balance.mul(rate).mul(daysBetween(from, dueDate)).div(basis));
    let thisPart = dec('0');
    if (compareDates(dueDate, graceEnd) > 0) {
      paidParts += 1;
      thisPart = paidParts === repaying ? balance : part;
    }
    balance = balance.minus(thisPart);
    from = dueDate;
    return installment(i + 1, dueDate, thisPart, interest);
  });
}

/** Anniversaries of finalDueDate that fall after subsidyEndDate, oldest first. */
function settlementDates(subsidyEndDate: LocalDate, finalDueDate: LocalDate): LocalDate[] {
  if (compareDates(finalDueDate, subsidyEndDate) <= 0) {
    throw new ScheduleError(`finalDueDate ${finalDueDate} is not after ${subsidyEndDate}`);
  }
  const dates: LocalDate[] = [];
  for (let k = 0; ; k++) {
    const d = addYears(finalDueDate, -k);
    if (compareDates(d, subsidyEndDate) <= 0) break;
    dates.unshift(d);
  }
  return dates;
}
