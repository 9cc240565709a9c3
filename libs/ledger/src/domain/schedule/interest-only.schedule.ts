import { roundFen, ZERO } from '../money';
import {
  checkMonthlyParams,
  Installment,
  installment,
  MonthlyScheduleParams,
} from './schedule.types';

/** 按月付息、到期还本: a month's interest on the full principal each month, principal with the last. */
export function interestOnlySchedule(params: MonthlyScheduleParams): Installment[] {
  const { principal, monthlyRate, termMonths, dueDates } = checkMonthlyParams(params);
  const interest = roundFen(principal.mul(monthlyRate));
  return dueDates.map((dueDate, i) =>
    installment(i + 1, dueDate, i === termMonths - 1 ? principal : ZERO, interest),
  );
}
