import { daysBetween } from '../local-date';
import { roundFen } from '../money';
import { DayCountBasis } from '../rate';
import { interestOnlySchedule } from './interest-only.schedule';
import {
  checkMonthlyParams,
  Installment,
  installment,
  MonthlyScheduleParams,
} from './schedule.types';

export interface BulletScheduleParams extends MonthlyScheduleParams {
  /**
   * 'maturity' — 利随本清, one installment with all principal and interest;
   * 'monthly'  — interest each month, principal at maturity (same as interest-only).
   */
  interestPayment: 'maturity' | 'monthly';
  /**
   * For 'maturity' only: when set, interest = P × rate / basis × actual days from start to
   * maturity (how co-ops price short loans); when absent, P × rate × months / 12.
   */
  dayCountBasis?: DayCountBasis;
}

/** 到期一次还本: all principal at maturity (the last due date of the term). */
export function bulletSchedule(params: BulletScheduleParams): Installment[] {
  if (params.interestPayment === 'monthly') return interestOnlySchedule(params);
  const { principal, annualRate, termMonths, dueDates } = checkMonthlyParams(params);
  const maturity = dueDates[termMonths - 1];
  const interest = params.dayCountBasis
    ? principal
        .mul(annualRate)
        .mul(daysBetween(params.startDate, maturity))
        .div(params.dayCountBasis)
    : principal.mul(annualRate).mul(termMonths).div(12);
  return [installment(1, maturity, principal, roundFen(interest))];
}
