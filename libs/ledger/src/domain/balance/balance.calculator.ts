import Decimal from 'decimal.js';
import { allocatePayment } from '../allocation/payment.allocator';
import { effectivePayments } from '../allocation/payment-ledger';
import { LocalDate } from '../local-date';
import { dec, formatMoney, sumMoney, ZERO } from '../money';
import { penaltyRate } from '../rate';
import type { DueComponent } from '../allocation/allocation.types';
import { Balance, BalanceOptions, EarlierTerms, Fee, LoanAccount, PaidLine } from './account.types';
import { agingBucket } from './aging-bucket';
import { dayCompare as compareDates, dayDiff as daysBetween, epochDay } from './day-index';
import { InstallmentState } from './installment-state';
import { loanClass } from './loan-class';
import { countOverdueInstallments } from './overdue-installments';

interface Credit {
  paymentId: string;
  amount: Decimal;
}

export class BalanceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BalanceError';
  }
}

/**
 * The account as of `asOf`, recomputed from the schedule, fees and the append-only payment
 * list every time (so reversals and back-dated receipts need no special handling).
 *
 * Day counting: an installment due on D is overdue from D + 1; the penalty for the interval
 * (a, b] is base × rate × (1 + markup) × (b − a) / basis — the start day is not counted and
 * the end day is, the same rule as legal deadlines (DESIGN §4). Thus 31 days after the due
 * date means 31 days of penalty, and paying on the due date costs none.
 *
 * Piecewise base: the timeline is cut at every due date, fee date and receipt date. On a
 * receipt date the day is first charged on the old base, then the money is applied (fees →
 * penalty → compound → interest → principal, oldest installment first, unless the pack sets
 * another order), and the reduced principal/interest is the base from the next day on.
 *
 * Money that finds nothing due is held as credit and applied when the next installment falls
 * due (on its due date, so it never goes overdue); what is left on asOf is `overpayment`.
 *
 * Terms that changed (a pack upgrade, `earlierTerms`) cut the timeline too: each day accrues
 * at the markup, compound switch and basis in force on that day, and a receipt is allocated
 * in the order in force on its date, so a change never reprices days before it.
 */
export function computeBalance(
  account: LoanAccount,
  asOf: LocalDate,
  options: BalanceOptions = {},
): Balance {
  epochDay(asOf);
  const states = buildStates(account);
  const termsOn = termsTimeline(account, options);
  const fees = (account.fees ?? []).filter((f) => compareDates(f.date, asOf) <= 0);
  const { payments, reversedIds } = effectivePayments(account.payments ?? [], asOf);
  const allocations: PaidLine[] = [];
  let credit: Credit[] = [];

  const apply = (paymentId: string, on: LocalDate, amount: Decimal): Decimal => {
    const open = states.filter((s) => s.isDue(on) || !s.fees.isZero());
    if (open.length === 0) return amount;
    open.forEach((s) => s.bill());
    const result = allocatePayment(
      amount,
      open.map((s) => s.toDue(on)),
      termsOn(on).allocationOrder,
    );
    for (const line of result.lines) {
      const state = states.find((s) => s.seq === line.seq) as InstallmentState;
      state.settle(line.component, dec(line.amount));
      allocations.push({ paymentId, date: on, ...line });
    }
    return dec(result.overpayment);
  };

  let cursor: LocalDate | undefined;
  for (const day of timeline(states, fees, payments, asOf, account.earlierTerms)) {
    if (cursor !== undefined) {
      const days = daysBetween(cursor, day);
      const from = cursor;
      // The timeline is cut at every change of terms, so (cursor, day] lies in one period.
      const terms = termsOn(day);
      states
        .filter((s) => s.isDue(from))
        .forEach((s) => s.accrue(days, terms.penaltyAnnual, terms.basis, terms.compound));
    }
    for (const fee of fees.filter((f) => f.date === day)) {
      const state = feeOwner(states, fee);
      state.fees = state.fees.plus(dec(fee.amount));
    }
    credit = credit
      .map((c) => ({ ...c, amount: apply(c.paymentId, day, c.amount) }))
      .filter((c) => !c.amount.isZero());
    for (const p of payments.filter((x) => x.date === day)) {
      const left = apply(p.id, day, dec(p.amount));
      if (!left.isZero()) credit.push({ paymentId: p.id, amount: left });
    }
    cursor = day;
  }
  return summarise(states, asOf, options, {
    allocations,
    reversedPaymentIds: reversedIds,
    overdueInstallments: countOverdueInstallments(account.schedule, payments, asOf),
    overpayment: sumMoney(credit.map((c) => c.amount)),
  });
}

function buildStates(account: LoanAccount): InstallmentState[] {
  if (account.schedule.length === 0) throw new BalanceError('the schedule is empty');
  const seqs = new Set(account.schedule.map((i) => i.seq));
  if (seqs.size !== account.schedule.length) throw new BalanceError('duplicate installment seq');
  const scheduled = sumMoney(account.schedule.map((i) => i.principal));
  if (!scheduled.equals(dec(account.principal))) {
    throw new BalanceError(
      `schedule principal ${formatMoney(scheduled)} ≠ account principal ${account.principal}`,
    );
  }
  return [...account.schedule]
    .sort((a, b) => compareDates(a.dueDate, b.dueDate) || a.seq - b.seq)
    .map((i) => new InstallmentState(i.seq, i.dueDate, dec(i.principal), dec(i.interest)));
}

function timeline(
  states: InstallmentState[],
  fees: readonly Fee[],
  payments: readonly { date: LocalDate }[],
  asOf: LocalDate,
  earlierTerms: readonly EarlierTerms[] = [],
): LocalDate[] {
  const days = new Set<LocalDate>([asOf]);
  states.filter((s) => s.isDue(asOf)).forEach((s) => days.add(s.dueDate));
  fees.forEach((f) => days.add(parseAndReturn(f.date)));
  payments.forEach((p) => days.add(parseAndReturn(p.date)));
  earlierTerms
    .filter((t) => compareDates(parseAndReturn(t.through), asOf) < 0)
    .forEach((t) => days.add(t.through));
  return [...days].sort(compareDates);
}

interface TermsInForce {
  penaltyAnnual: Decimal;
  basis: number;
  compound: boolean;
  allocationOrder?: readonly DueComponent[];
}

/**
 * The terms that govern a given day: the first earlier period whose `through` is on or after
 * it, else the account's current terms. Allocation order: the period's, else the options'
 * (else the allocator's default).
 */
function termsTimeline(
  account: LoanAccount,
  options: BalanceOptions,
): (day: LocalDate) => TermsInForce {
  const inForce = (t: Omit<EarlierTerms, 'through'>): TermsInForce => ({
    penaltyAnnual: penaltyRate(account.annualRate, t.penaltyMarkup),
    basis: t.dayCountBasis ?? 360,
    compound: t.compoundInterest,
    allocationOrder: t.allocationOrder ?? options.allocationOrder,
  });
  const current = inForce(account);
  const earlier = [...(account.earlierTerms ?? [])]
    .sort((a, b) => compareDates(a.through, b.through))
    .map((t) => ({ through: t.through, terms: inForce(t) }));
  if (earlier.length === 0) return () => current;
  return (day) => earlier.find((p) => compareDates(day, p.through) <= 0)?.terms ?? current;
}

function parseAndReturn(date: LocalDate): LocalDate {
  epochDay(date);
  return date;
}

function feeOwner(states: InstallmentState[], fee: Fee): InstallmentState {
  if (fee.seq !== undefined) {
    const named = states.find((s) => s.seq === fee.seq);
    if (!named) throw new BalanceError(`fee ${fee.id ?? ''} names unknown installment ${fee.seq}`);
    return named;
  }
  const due = states.filter((s) => s.isDue(fee.date));
  return due.length > 0 ? due[due.length - 1] : states[0];
}

function summarise(
  states: InstallmentState[],
  asOf: LocalDate,
  options: BalanceOptions,
  rest: Pick<Balance, 'allocations' | 'reversedPaymentIds' | 'overdueInstallments'> & {
    overpayment: Decimal;
  },
): Balance {
  const overdue = states.filter((s) => compareDates(s.dueDate, asOf) < 0);
  const today = states.filter((s) => s.dueDate === asOf);
  const dpdOf = (s: InstallmentState) =>
    compareDates(s.dueDate, asOf) < 0 && s.hasContractualArrears()
      ? daysBetween(s.dueDate, asOf)
      : 0;
  const sum = (list: InstallmentState[], pick: (s: InstallmentState) => Decimal) =>
    list.reduce<Decimal>((acc, s) => acc.plus(pick(s)), ZERO);

  const overduePrincipal = sum(overdue, (s) => s.principal);
  const overdueInterest = sum(overdue, (s) => s.interest);
  const dueToday = sum(today, (s) => s.principal.plus(s.interest));
  const penalty = sum(states, (s) => s.penaltyOutstanding());
  const compound = sum(states, (s) => s.compoundOutstanding());
  const fees = sum(states, (s) => s.fees);
  // Measured from the earliest installment still unpaid, so a partial payment never resets it.
  const dpd = Math.max(0, ...states.map(dpdOf));

  const balance: Omit<Balance, 'installments'> = {
    asOf,
    overduePrincipal: formatMoney(overduePrincipal),
    overdueInterest: formatMoney(overdueInterest),
    dueToday: formatMoney(dueToday),
    penaltyInterest: formatMoney(penalty),
    compoundInterest: formatMoney(compound),
    fees: formatMoney(fees),
    totalDue: formatMoney(
      sumMoney([overduePrincipal, overdueInterest, dueToday, penalty, compound, fees]),
    ),
    outstandingPrincipal: formatMoney(sum(states, (s) => s.principal)),
    overpayment: formatMoney(rest.overpayment),
    dpd,
    agingBucket: agingBucket(dpd, options.agingBuckets),
    loanClass: loanClass(dpd, options.loanClassBands),
    overdueInstallments: rest.overdueInstallments,
    allocations: rest.allocations,
    reversedPaymentIds: rest.reversedPaymentIds,
  };
  return withInstallments(balance, () =>
    states.map((s) => ({
      seq: s.seq,
      dueDate: s.dueDate,
      principal: formatMoney(s.principal),
      interest: formatMoney(s.interest),
      fees: formatMoney(s.fees),
      penaltyInterest: formatMoney(s.penaltyOutstanding()),
      compoundInterest: formatMoney(s.compoundOutstanding()),
      dpd: dpdOf(s),
    })),
  );
}

/**
 * `installments` as an ordinary (enumerable, writable) property whose figures are formatted
 * on first read: the daily run snapshots a million balances and reads only their totals, and
 * formatting six installments' five amounts was half the calculator's time. The states are
 * final when summarise runs, so a later read sees exactly what an eager one would have.
 */
function withInstallments(
  balance: Omit<Balance, 'installments'>,
  build: () => Balance['installments'],
): Balance {
  let installments: Balance['installments'] | undefined;
  const fields = Object.entries(balance);
  const at = fields.findIndex(([key]) => key === 'allocations');
  const out: Record<string, unknown> = Object.fromEntries(fields.slice(0, at));
  // Same key order as before (installments before allocations) for anyone printing it.
  Object.defineProperty(out, 'installments', {
    enumerable: true,
    configurable: true,
    get: () => (installments ??= build()),
    set: (value: Balance['installments']) => {
      installments = value;
    },
  });
  for (const [key, value] of fields.slice(at)) out[key] = value;
  return out as unknown as Balance;
}
