import { compareLocalDates, daysBetween, type LocalDate } from '@qingshou/calendar';
import { Dec, type DpdBand, type LoanClass } from '@qingshou/ledger';

/**
 * The book in memory, as a metric's TypeScript form reads it: the rows its SQL form reads,
 * with instants already turned into local dates in the tenant's zone. The TypeScript forms
 * are the metrics' executable definitions; the parity test computes both forms over one
 * generated book (test/policy/construct-parity.spec.ts).
 */
export interface MetricFacts {
  readonly accounts: readonly BookAccount[];
  readonly cases: readonly {
    readonly id: string;
    readonly debtorId: string;
    readonly openedOn: LocalDate;
    readonly closedOn: LocalDate | null;
  }[];
  readonly promises: readonly {
    readonly id: string;
    readonly caseId: string;
    readonly accountId: string | null;
    readonly status: string;
    readonly dueOn: LocalDate;
  }[];
  readonly contacts: readonly {
    readonly id: string;
    readonly caseId: string;
    readonly channel: string;
    readonly outcome: string;
    readonly on: LocalDate;
  }[];
  readonly tasks: readonly {
    readonly id: string;
    readonly caseId: string;
    readonly status: string;
    /** The SLA instant, its local date, and when the task was done (ISO instants). */
    readonly slaDueAt: string | null;
    readonly slaDueOn: LocalDate | null;
    readonly completedAt: string | null;
  }[];
  /** 还款计划 with their instalments as the nightly run left them (issue 16 §1). */
  readonly plans: readonly {
    readonly id: string;
    readonly caseId: string;
    readonly status: string;
    readonly total: string;
    readonly agreedOn: LocalDate | null;
    readonly keptOn: LocalDate | null;
    readonly brokenOn: LocalDate | null;
    readonly instalments: readonly {
      readonly seq: number;
      readonly dueOn: LocalDate;
      readonly status: string;
    }[];
  }[];
  readonly costs: readonly {
    readonly id: string;
    readonly caseId: string;
    readonly amount: string;
    readonly incurredOn: LocalDate;
  }[];
}

export interface BookAccount {
  readonly id: string;
  readonly debtorId: string;
  readonly type: string;
  readonly startDate: LocalDate;
  readonly installments: readonly {
    readonly seq: number;
    readonly dueDate: LocalDate;
    readonly principal: string;
    readonly interest: string;
  }[];
  /** Receipts and reversals (a reversal is a negative row naming the receipt it reverses). */
  readonly payments: readonly {
    readonly id: string;
    readonly paidOn: LocalDate;
    readonly amount: string;
    readonly recordedAt: string;
    readonly reversesPaymentId: string | null;
  }[];
}

/** What one measurement is taken over: the date, the period start, the metric's accounts. */
export interface MetricScope {
  readonly asOf: LocalDate;
  readonly periodStart: LocalDate;
  /** The metric's account types (metricAccountTypes). */
  readonly accountTypes: readonly string[];
  readonly thresholdDays: number;
  readonly basis?: string;
  readonly loanClassBands?: readonly DpdBand<LoanClass>[];
}

/** One thing counted, with its share of the numerator and denominator (null: none). */
export interface MetricUnit {
  readonly key: string;
  readonly debtorId: string;
  readonly num: Dec | null;
  readonly den: Dec | null;
}

const ZERO = new Dec(0);
const max0 = (d: Dec) => (d.isNegative() ? ZERO : d);
const before = (a: LocalDate, b: LocalDate) => compareLocalDates(a, b) < 0;
export const onOrBefore = (a: LocalDate, b: LocalDate) => compareLocalDates(a, b) <= 0;

/** An account as of the date by the contractual waterfall (the SQL `acct` CTE). */
export interface AccountState {
  readonly accountId: string;
  readonly debtorId: string;
  readonly type: string;
  readonly outstandingPrincipal: Dec;
  readonly overdueAmount: Dec;
  readonly overduePrincipal: Dec;
  readonly pastDueAmount: Dec;
  readonly hasDue: boolean;
  /** Raw (contractual) DPD. */
  readonly dpd: number;
}

/**
 * Net receipts dated on or before the date cover each installment's interest then
 * principal, oldest due date first; an installment not yet due takes nothing; penalty is
 * left out. DPD counts from the earliest installment due before the date and not covered.
 */
export function accountStates(facts: MetricFacts, scope: MetricScope): AccountState[] {
  const out: AccountState[] = [];
  for (const a of facts.accounts) {
    if (!scope.accountTypes.includes(a.type) || !onOrBefore(a.startDate, scope.asOf)) continue;
    if (a.installments.length === 0) continue;
    const paid = a.payments
      .filter((p) => onOrBefore(p.paidOn, scope.asOf))
      .reduce((s, p) => s.plus(p.amount), ZERO);
    const ordered = [...a.installments].sort(
      (x, y) => compareLocalDates(x.dueDate, y.dueDate) || x.seq - y.seq,
    );
    let beforeAmount = ZERO;
    let outstanding = ZERO;
    let overdue = ZERO;
    let overduePrincipal = ZERO;
    let pastDue = ZERO;
    let hasDue = false;
    let firstUnpaid: LocalDate | null = null;
    for (const i of ordered) {
      const amount = new Dec(i.principal).plus(i.interest);
      const covered = onOrBefore(i.dueDate, scope.asOf)
        ? max0(Dec.min(amount, paid.minus(beforeAmount)))
        : ZERO;
      beforeAmount = beforeAmount.plus(amount);
      const principalLeft = new Dec(i.principal).minus(max0(covered.minus(i.interest)));
      outstanding = outstanding.plus(principalLeft);
      if (onOrBefore(i.dueDate, scope.asOf)) hasDue = true;
      if (before(i.dueDate, scope.asOf)) {
        overdue = overdue.plus(amount.minus(covered));
        overduePrincipal = overduePrincipal.plus(principalLeft);
        pastDue = pastDue.plus(amount);
        if (covered.lt(amount) && (firstUnpaid === null || before(i.dueDate, firstUnpaid))) {
          firstUnpaid = i.dueDate;
        }
      }
    }
    out.push({
      accountId: a.id,
      debtorId: a.debtorId,
      type: a.type,
      outstandingPrincipal: outstanding,
      overdueAmount: overdue,
      overduePrincipal,
      pastDueAmount: pastDue,
      hasDue,
      dpd: firstUnpaid ? daysBetween(firstUnpaid, scope.asOf) : 0,
    });
  }
  return out;
}

export interface Receipt {
  readonly accountId: string;
  readonly debtorId: string;
  readonly paidOn: LocalDate;
  readonly amount: Dec;
  /** The part that recovered arrears: contract amounts due before its date, not yet covered. */
  readonly recovered: Dec;
}

/** Receipts as known on the date (a receipt reversed on or before it never counted). */
export function receipts(facts: MetricFacts, scope: MetricScope): Receipt[] {
  const out: Receipt[] = [];
  for (const a of facts.accounts) {
    if (!scope.accountTypes.includes(a.type)) continue;
    const reversed = new Set(
      a.payments
        .filter((p) => p.reversesPaymentId !== null && onOrBefore(p.paidOn, scope.asOf))
        .map((p) => p.reversesPaymentId),
    );
    const kept = a.payments
      .filter(
        (p) =>
          p.reversesPaymentId === null && onOrBefore(p.paidOn, scope.asOf) && !reversed.has(p.id),
      )
      .sort(
        (x, y) =>
          compareLocalDates(x.paidOn, y.paidOn) ||
          (x.recordedAt < y.recordedAt ? -1 : x.recordedAt > y.recordedAt ? 1 : 0) ||
          (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
      );
    let paidBefore = ZERO;
    for (const p of kept) {
      const dueBefore = a.installments
        .filter((i) => before(i.dueDate, p.paidOn))
        .reduce((s, i) => s.plus(i.principal).plus(i.interest), ZERO);
      const amount = new Dec(p.amount);
      out.push({
        accountId: a.id,
        debtorId: a.debtorId,
        paidOn: p.paidOn,
        amount,
        recovered: Dec.min(amount, max0(dueBefore.minus(paidBefore))),
      });
      paidBefore = paidBefore.plus(amount);
    }
  }
  return out;
}

export const inPeriod = (date: LocalDate, scope: MetricScope): boolean =>
  onOrBefore(scope.periodStart, date) && onOrBefore(date, scope.asOf);

/** Σnum and Σden over units (null when no unit carries one) and the metric's value. */
export function aggregateUnits(
  units: readonly MetricUnit[],
  unit: 'ratio' | 'amount' | 'count',
): { num: Dec | null; den: Dec | null; value: Dec | null } {
  const sum = (pick: (u: MetricUnit) => Dec | null) =>
    units.reduce<Dec | null>((s, u) => {
      const v = pick(u);
      return v === null ? s : (s ?? ZERO).plus(v);
    }, null);
  const num = sum((u) => u.num);
  const den = sum((u) => u.den);
  if (unit !== 'ratio') return { num, den, value: num ?? ZERO };
  return { num, den, value: num === null || den === null || den.isZero() ? null : num.div(den) };
}
