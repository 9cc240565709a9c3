import Decimal from 'decimal.js';
import {
  addMonths,
  AccountRepaymentMethod,
  compareDates,
  formatMoney,
  generateSchedule,
  Installment,
  LocalDate,
  LocalDateError,
  MoneyParseError,
  repaymentMethodFromZh,
  RepaymentMethod,
  ScheduleError,
  ScheduleSpec,
} from '@qingshou/ledger';
import type { ImportDefaults } from '../domain/import-mapping';
import {
  cardTerms,
  GivenTerms,
  ImpliedReceipt,
  singleDueTerms,
  snapshotTerms,
} from './given-schedules';
import type { RowCheck } from './row-context';

export interface AccountTerms {
  annualRate: string;
  startDate: LocalDate;
  method: AccountRepaymentMethod;
  params: Record<string, unknown>;
  installments: Installment[];
  receipts: ImpliedReceipt[];
}

/**
 * The contract terms and schedule of one row. What the file carries decides the shape: a
 * balance snapshot, an agency hand-over, a single amount due, or a generated schedule from
 * the ledger's own generators (the same ones RegisterAccount uses).
 */
export function accountTerms(
  check: RowCheck,
  defaults: ImportDefaults,
  principal: Decimal,
  today: LocalDate,
): AccountTerms | undefined {
  const annualRate = rateOf(check, defaults);
  if (annualRate === undefined) return undefined;
  const given = givenTerms(check, principal, today);
  if (given !== null) {
    return given && { annualRate, method: 'given', ...given };
  }
  const startDate = startDateOf(check);
  if (startDate === null) return undefined;
  const generated = generatedSchedule(check, defaults, principal, annualRate, startDate);
  if (!generated) return undefined;
  const receipts = paidInstallments(check, generated.installments, today);
  if (receipts === undefined) return undefined;
  return { annualRate, startDate, ...generated, receipts };
}

/** null: not a given-schedule row; undefined: it is one, and it is invalid. */
function givenTerms(
  check: RowCheck,
  principal: Decimal,
  today: LocalDate,
): GivenTerms | undefined | null {
  if (check.text('outstandingPrincipal') !== null) {
    const start = check.need('startDate', '发放日期');
    return start === null ? undefined : snapshotTerms(check, principal, start, today);
  }
  if (check.integer('daysPastDue') !== null) return cardTerms(check, principal);
  if (check.text('dueDate') !== null || check.text('duePeriod') !== null) {
    return singleDueTerms(check, principal, today);
  }
  return null;
}

/** A fraction with at most 6 decimals; a bare '4.35' is refused as the ledger refuses it. */
function rateOf(check: RowCheck, defaults: ImportDefaults): string | undefined {
  const text = check.text('annualRate') ?? defaults.annualRate ?? null;
  if (text === null) {
    check.fail('annualRate', 'annual rate is required', '缺少年利率');
    return undefined;
  }
  const rate = new Decimal(text);
  if (rate.isNegative() || rate.greaterThanOrEqualTo(1)) {
    check.fail(
      'annualRate',
      'a rate of 1 or more is ambiguous; write 4.35% or 0.0435',
      '年利率应写作 4.35% 或 0.0435',
    );
    return undefined;
  }
  if (rate.decimalPlaces() > 6) {
    check.fail('annualRate', 'at most 6 decimal places as a fraction', '年利率精度过高');
    return undefined;
  }
  return rate.toFixed(6);
}

/** 放款日期, or for student loans the autumn of 入学年份 (the centre's files carry no date). */
function startDateOf(check: RowCheck): LocalDate | null {
  const start = check.text('startDate');
  if (start !== null) return start;
  const year = check.integer('startYear');
  if (year !== null) return `${year}-09-01`;
  check.fail('startDate', 'start date is required', '缺少放款日期');
  return null;
}

function methodOf(check: RowCheck, defaults: ImportDefaults): RepaymentMethod | undefined {
  const label = check.text('repaymentMethod');
  if (label === null) {
    if (defaults.repaymentMethod) return defaults.repaymentMethod;
    check.fail('repaymentMethod', 'repayment method is required', '缺少还款方式');
    return undefined;
  }
  try {
    return repaymentMethodFromZh(label);
  } catch {
    check.fail(
      'repaymentMethod',
      'unknown repayment method (e.g. 等额本息, 等额本金, 到期一次还本付息, 先息后本)',
      '还款方式无法识别（如：等额本息、等额本金、到期一次还本付息、先息后本）',
    );
    return undefined;
  }
}

function generatedSchedule(
  check: RowCheck,
  defaults: ImportDefaults,
  principal: Decimal,
  annualRate: string,
  startDate: LocalDate,
): Pick<AccountTerms, 'method' | 'params' | 'installments'> | undefined {
  const method = methodOf(check, defaults);
  if (method === undefined) return undefined;
  let spec: ScheduleSpec;
  let params: Record<string, unknown>;
  if (method === 'student-loan') {
    const subsidyEndDate = check.need('subsidyEndDate', '贴息截止日');
    const finalDueDate = check.need('finalDueDate', '最后还款日');
    const graceYears = check.integer('graceYears') ?? 0;
    if (subsidyEndDate === null || finalDueDate === null) return undefined;
    params = { method, subsidyEndDate, graceYears, finalDueDate };
    const basis = defaults.dayCountBasis ?? 360;
    spec = { ...params, method, principal, annualRate, dayCountBasis: basis } as ScheduleSpec;
  } else {
    const termMonths = termOf(check, defaults, startDate);
    if (termMonths === undefined) return undefined;
    params =
      method === 'bullet'
        ? { method, termMonths, interestPayment: 'maturity' }
        : { method, termMonths };
    spec = { ...params, method, principal, annualRate, startDate } as ScheduleSpec;
  }
  try {
    return { method, params, installments: generateSchedule(spec) };
  } catch (error) {
    if (
      error instanceof ScheduleError ||
      error instanceof LocalDateError ||
      error instanceof MoneyParseError
    ) {
      const field = method === 'student-loan' ? 'finalDueDate' : 'startDate';
      check.fail(
        field,
        `no schedule can be built: ${error.message}`,
        `无法生成还款计划：${error.message}`,
      );
      return undefined;
    }
    throw error;
  }
}

/** 贷款期限(月), or whole months from 放款日期 to 到期日期, or the mapping's default. */
function termOf(check: RowCheck, defaults: ImportDefaults, start: LocalDate): number | undefined {
  const months = check.integer('termMonths');
  if (months !== null) return months;
  const maturity = check.text('maturityDate');
  if (maturity !== null) {
    const [y1, m1] = start.split('-').map(Number);
    const [y2, m2] = maturity.split('-').map(Number);
    const n = (y2 - y1) * 12 + (m2 - m1);
    if (n >= 1 && n <= 600 && addMonths(start, n) === maturity) return n;
    check.fail(
      'maturityDate',
      'maturity is not a whole number of months after the start date',
      '到期日期与放款日期之间不是整月',
    );
    return undefined;
  }
  if (defaults.termMonths) return defaults.termMonths;
  check.fail('termMonths', 'loan term in months is required', '缺少贷款期限（月）');
  return undefined;
}

/**
 * 当前逾期期数 = N: of the installments due by today, all but the last N were paid, each on
 * its due date (so no penalty accrues on them). Without the column nothing is assumed paid.
 */
function paidInstallments(
  check: RowCheck,
  installments: readonly Installment[],
  today: LocalDate,
): ImpliedReceipt[] | undefined {
  const overdue = check.integer('overdueInstallments');
  if (overdue === null) return [];
  const due = installments.filter((i) => compareDates(i.dueDate, today) <= 0);
  if (overdue > due.length) {
    check.fail(
      'overdueInstallments',
      `only ${due.length} installments have fallen due`,
      `截至今日仅有 ${due.length} 期到期`,
    );
    return undefined;
  }
  return due.slice(0, due.length - overdue).flatMap((i) => {
    const amount = new Decimal(i.principal).plus(i.interest);
    return amount.isZero()
      ? []
      : [{ suffix: `paid-${i.seq}`, paidOn: i.dueDate, amount: formatMoney(amount) }];
  });
}
