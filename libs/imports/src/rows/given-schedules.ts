import Decimal from 'decimal.js';
import {
  addDays,
  addMonths,
  daysInMonth,
  formatMoney,
  Installment,
  LocalDate,
  minDate,
} from '@qingshou/ledger';
import type { RowCheck } from './row-context';

/** A receipt the file implies (已收金额, the repaid part of a balance, paid installments). */
export interface ImpliedReceipt {
  suffix: string;
  paidOn: LocalDate;
  amount: string;
}

/** What a file states as owed, as a 'given' schedule plus the receipts that explain it. */
export interface GivenTerms {
  startDate: LocalDate;
  installments: Installment[];
  receipts: ImpliedReceipt[];
  params: Record<string, unknown>;
}

/**
 * A balance snapshot (co-op bad loans: 发放金额, 贷款余额, 欠息 at 到期日期). The principal
 * stays the contract's; the repaid part is one installment settled by a receipt on the
 * maturity date, the rest one installment with the interest arrears. The ledger then shows
 * exactly the balance and arrears the file states, overdue from maturity.
 */
export function snapshotTerms(
  check: RowCheck,
  principal: Decimal,
  startDate: LocalDate,
  today: LocalDate,
): GivenTerms | undefined {
  const maturity = check.need('maturityDate', '到期日期');
  const outstanding = new Decimal(check.text('outstandingPrincipal') ?? '0');
  const arrears = new Decimal(check.text('interestArrears') ?? '0');
  if (maturity === null) return undefined;
  if (outstanding.greaterThan(principal)) {
    check.fail(
      'outstandingPrincipal',
      'outstanding balance is larger than the amount lent',
      '贷款余额大于发放金额',
    );
    return undefined;
  }
  const repaid = principal.minus(outstanding);
  const installments: Installment[] = [];
  if (repaid.greaterThan(0)) {
    installments.push({
      seq: 1,
      dueDate: maturity,
      principal: formatMoney(repaid),
      interest: '0.00',
    });
  }
  if (outstanding.greaterThan(0) || arrears.greaterThan(0)) {
    installments.push({
      seq: installments.length + 1,
      dueDate: maturity,
      principal: formatMoney(outstanding),
      interest: formatMoney(arrears),
    });
  }
  const receipts = repaid.greaterThan(0)
    ? [{ suffix: 'opening', paidOn: minDate(maturity, today), amount: formatMoney(repaid) }]
    : [];
  return {
    startDate,
    installments,
    receipts,
    params: { from: 'balance-snapshot', maturityDate: maturity },
  };
}

/**
 * A card account as the bank hands it over (委案): 本金 and 委案金额 as of 委案日期 and the days
 * it is past due. One installment falls due 逾期天数 before 委案日期, so the ledger's DPD on
 * that day is the bank's; interest and fees are 委案金额 − 本金.
 */
export function cardTerms(check: RowCheck, principal: Decimal): GivenTerms | undefined {
  const openedOn = check.text('caseOpenedOn');
  const dpd = check.integer('daysPastDue');
  const total = check.text('totalDue');
  if (openedOn === null || dpd === null || total === null) return undefined;
  const extra = new Decimal(total).minus(principal);
  if (extra.isNegative()) {
    check.fail('totalDue', 'amount handed over is less than the principal', '委案金额小于本金');
    return undefined;
  }
  const dueDate = addDays(openedOn, -dpd);
  return {
    startDate: dueDate,
    installments: [
      { seq: 1, dueDate, principal: formatMoney(principal), interest: formatMoney(extra) },
    ],
    receipts: [],
    params: { from: 'agency-case', handedOverOn: openedOn, daysPastDue: dpd },
  };
}

/**
 * One amount due on one date (a receivable's 约定付款日, a contribution month's last day),
 * with what the file says was already received, dated the due date or today if earlier.
 */
export function singleDueTerms(
  check: RowCheck,
  principal: Decimal,
  today: LocalDate,
): GivenTerms | undefined {
  let dueDate = check.text('dueDate');
  let startDate = check.text('startDate');
  const period = check.text('duePeriod');
  if (dueDate === null && period !== null) {
    const month = monthOf(period);
    if (month === null) {
      check.fail('duePeriod', 'not a month (expected YYYY-MM)', '月份格式不正确（应为 YYYY-MM）');
      return undefined;
    }
    startDate ??= `${month}-01`;
    dueDate = addDays(addMonths(`${month}-01`, 1), -1);
  }
  if (dueDate === null) return undefined;
  const paid = new Decimal(check.text('paidAmount') ?? '0');
  if (paid.greaterThan(principal)) {
    check.fail('paidAmount', 'more was received than is due', '已收金额大于应收金额');
    return undefined;
  }
  return {
    startDate: startDate ?? dueDate,
    installments: [{ seq: 1, dueDate, principal: formatMoney(principal), interest: '0.00' }],
    receipts: paid.greaterThan(0)
      ? [{ suffix: 'opening', paidOn: minDate(dueDate, today), amount: formatMoney(paid) }]
      : [],
    params: { from: period === null ? 'single-due' : 'contribution-month', period },
  };
}

/** '2026-01', '2026/1', '202601', '2026年1月' → '2026-01'. */
function monthOf(text: string): string | null {
  const match = /^(\d{4})(?:[-/.年]?)(\d{1,2})月?$/.exec(text.trim());
  if (!match) return null;
  const [year, month] = [Number(match[1]), Number(match[2])];
  if (year < 1900 || month < 1 || month > 12 || daysInMonth(year, month) < 28) return null;
  return `${match[1]}-${String(month).padStart(2, '0')}`;
}
