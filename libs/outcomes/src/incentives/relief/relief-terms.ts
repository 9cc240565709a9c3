import {
  Balance,
  compareDates,
  dec,
  Dec,
  formatMoney,
  LoanAccount,
  LocalDate,
  PaymentEntry,
  sumMoney,
  ZERO,
} from '@qingshou/ledger';
import Decimal from 'decimal.js';

/** What an incentive's effect does to the loan's terms (IncentiveEffect, resolved). */
export interface ReliefEffect {
  readonly waive: readonly string[];
  readonly interestAt?: string;
  readonly rateOverride?: string;
}

/**
 * The loan as the incentive prices it. The ledger charges 罚息 on overdue principal at
 * contract × (1 + markup) and 复利 on unpaid interest at that same rate, so:
 * - interestAt contract (第二篇 "按现行合同利率收取利息"): markup 0 — the overdue days still
 *   bear interest, at the contract rate;
 * - rateOverride r: the markup that makes the rate r;
 * - waive penaltyInterest alone: markup −1, nothing accrues on overdue principal. Compound
 *   interest shares that rate, so it goes to zero with it; a pack that wants the penalty
 *   waived but compound kept cannot say so yet (the ledger has one penalty rate).
 * - waive compoundInterest: compound off.
 * The relief prices every day alike, also days under terms a pack upgrade has since changed
 * (`earlierTerms`): what it waives is waived whatever the markup was then.
 */
export function relievedLoan(loan: LoanAccount, effect: ReliefEffect): LoanAccount {
  let markup: Decimal | string | undefined;
  if (effect.rateOverride !== undefined) {
    const annual = dec(String(loan.annualRate));
    markup = annual.isZero() ? '0' : new Dec(effect.rateOverride).div(annual).minus(1);
  } else if (effect.interestAt === 'contract') {
    markup = '0';
  } else if (effect.waive.includes('penaltyInterest')) {
    markup = '-1';
  }
  const waiveCompound = effect.waive.includes('compoundInterest');
  const relieve = <
    T extends { penaltyMarkup: LoanAccount['penaltyMarkup']; compoundInterest: boolean },
  >(
    terms: T,
  ): T => ({
    ...terms,
    penaltyMarkup: markup ?? terms.penaltyMarkup,
    compoundInterest: terms.compoundInterest && !waiveCompound,
  });
  return {
    ...relieve(loan),
    ...(loan.earlierTerms ? { earlierTerms: loan.earlierTerms.map(relieve) } : {}),
  };
}

/** Whether what accrues on overdue principal under the relief is interest, not penalty. */
export function accruesAsInterest(effect: ReliefEffect): boolean {
  return effect.interestAt === 'contract' || effect.rateOverride !== undefined;
}

const add = (a: string, b: string) => formatMoney(dec(a).plus(dec(b)));

/**
 * Under interestAt/rateOverride the ledger still calls the overdue-principal accrual
 * "penalty"; the debtor's statement must not (the penalty is what was waived). The same
 * amounts move to interest, so every total stays as computed.
 */
export function relabelAsInterest(balance: Balance): Balance {
  return {
    ...balance,
    overdueInterest: add(balance.overdueInterest, balance.penaltyInterest),
    penaltyInterest: '0.00',
    installments: balance.installments.map((i) => ({
      ...i,
      interest: add(i.interest, i.penaltyInterest),
      penaltyInterest: '0.00',
    })),
    allocations: balance.allocations.map((a) =>
      a.component === 'penalty' ? { ...a, component: 'interest' } : a,
    ),
  };
}

/**
 * The payment list as known on `knownOn`: receipts dated after it are not known yet, and a
 * receipt reversed on or before it never counted. Reversals themselves are dropped, so a
 * computation as of an earlier date (the amnesty date) still sees the reversal.
 */
export function paymentsKnownOn(
  payments: readonly PaymentEntry[],
  knownOn: LocalDate,
): PaymentEntry[] {
  const known = payments.filter((p) => compareDates(p.date, knownOn) <= 0);
  const reversed = new Set(known.filter((p) => p.reverses).map((p) => p.reverses as string));
  return known.filter((p) => !p.reverses && !reversed.has(p.id));
}

/** Everything still owed on the account, due or not, less money held as credit. */
export function remainingAfterCredit(balance: Balance): Decimal {
  const owed = sumMoney(
    balance.installments.flatMap((i) => [
      i.principal,
      i.interest,
      i.fees,
      i.penaltyInterest,
      i.compoundInterest,
    ]),
  );
  return owed.minus(dec(balance.overpayment));
}

export type Compute = (loan: LoanAccount, asOf: LocalDate) => Balance;

/**
 * The first receipt date on or before `cutoff` on which the account, priced under the
 * relief, owes nothing at all ("repaid in full": principal, contract interest, fees, and
 * whatever the relief does not waive). Null when it never got there by the cutoff.
 */
export function settledOnUnder(
  loan: LoanAccount,
  effect: ReliefEffect,
  payments: readonly PaymentEntry[],
  cutoff: LocalDate,
  compute: Compute,
): LocalDate | null {
  const relieved = { ...relievedLoan(loan, effect), payments: [...payments] };
  // Whatever the relief waives, the contract principal and interest must all be paid: no
  // date before the receipts add up to them can be the settlement date. This keeps the
  // check to a computation or two for the few accounts that paid everything.
  const contract = sumMoney(loan.schedule.flatMap((i) => [i.principal, i.interest]));
  let received = ZERO;
  const dates = [...new Set(payments.map((p) => p.date))]
    .filter((d) => compareDates(d, cutoff) <= 0)
    .sort(compareDates);
  for (const date of dates) {
    received = received.plus(
      sumMoney(payments.filter((p) => p.date === date).map((p) => p.amount)),
    );
    if (received.lt(contract)) continue;
    if (remainingAfterCredit(compute(relieved, date)).lte(ZERO)) return date;
  }
  return null;
}

/** Penalty and compound interest charged through the date: paid plus still owed. */
export function chargedThrough(balance: Balance): { penalty: Decimal; compound: Decimal } {
  const paid = (component: string) =>
    sumMoney(balance.allocations.filter((a) => a.component === component).map((a) => a.amount));
  return {
    penalty: paid('penalty').plus(dec(balance.penaltyInterest)),
    compound: paid('compound').plus(dec(balance.compoundInterest)),
  };
}
