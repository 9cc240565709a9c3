import { roundFen } from '../money';
import {
  checkMonthlyParams,
  Installment,
  installment,
  MonthlyScheduleParams,
} from './schedule.types';

/**
 * 等额本金: the same principal P / n every month (rounded to the fen, last installment takes
 * the remainder), plus a month's interest on the balance still outstanding before it.
 * Payments therefore fall by (P / n) · r each month.
 */
export function equalPrincipalSchedule(params: MonthlyScheduleParams): Installment[] {
  const { principal, monthlyRate, termMonths, dueDates } = checkMonthlyParams(params);
  const part = roundFen(principal.div(termMonths));
  let balance = principal;
  return dueDates.map((dueDate, i) => {
    const interest = roundFen(balance.mul(monthlyRate));
    const thisPart = i === termMonths - 1 ? balance : part;
    balance = balance.minus(thisPart);
    return installment(i + 1, dueDate, thisPart, interest);
  });
}
