import Decimal from 'decimal.js';
import { dec, minMoney, MoneyInput, roundFen } from '../money';
import { parseRate, RateInput } from '../rate';
import {
  checkMonthlyParams,
  Installment,
  installment,
  MonthlyScheduleParams,
} from './schedule.types';

/**
 * 等额本息 level payment A = P·r·(1+r)^n / ((1+r)^n − 1), r = annual / 12, rounded half-up
 * to the fen — the figure printed in the contract. A zero rate degenerates to P / n.
 */
export function equalInstallmentPayment(
  principal: MoneyInput,
  annualRate: RateInput,
  termMonths: number,
): Decimal {
  const p = dec(principal);
  const r = parseRate(annualRate).div(12);
  if (r.isZero()) return roundFen(p.div(termMonths));
  const growth = r.plus(1).pow(termMonths);
  return roundFen(p.mul(r).mul(growth).div(growth.minus(1)));
}

/**
 * Each month's interest is the outstanding balance × r, rounded to the fen (that amount is
 * billed, so it is a final figure); principal is the level payment minus that interest.
 * The last installment takes whatever principal is left, so principal sums to P exactly and
 * the last payment may differ from A by a few fen.
 */
export function equalInstallmentSchedule(params: MonthlyScheduleParams): Installment[] {
  const { principal, monthlyRate, termMonths, dueDates } = checkMonthlyParams(params);
  const payment = equalInstallmentPayment(principal, params.annualRate, termMonths);
  let balance = principal;
  return dueDates.map((dueDate, i) => {
    const interest = roundFen(balance.mul(monthlyRate));
    const isLast = i === termMonths - 1;
    const part = isLast ? balance : minMoney(payment.minus(interest), balance);
    balance = balance.minus(part);
    return installment(i + 1, dueDate, part, interest);
  });
}
