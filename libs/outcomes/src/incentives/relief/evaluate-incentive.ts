import {
  Balance,
  compareDates,
  formatMoney,
  LoanAccount,
  LocalDate,
  maxMoney,
  minDate,
  sumMoney,
  ZERO,
} from '@qingshou/ledger';
import type { IncentiveRule } from './incentive-rules';
import {
  accruesAsInterest,
  chargedThrough,
  Compute,
  paymentsKnownOn,
  relabelAsInterest,
  relievedLoan,
  remainingAfterCredit,
  settledOnUnder,
} from './relief-terms';

/**
 * applied: settled in full (under the incentive's terms) on or before the deadline, and
 *   approved if the incentive needs it — the balance is priced on the incentive's terms;
 * awaiting-approval: settled in time, the approval not (yet) granted;
 * available: not settled, the deadline not passed — settling now earns it;
 * lapsed: the deadline passed unsettled;
 * withdrawn: it was settled in time, but a reversal known by now undid the settlement;
 * not-applicable: the account is not of a type the incentive names;
 * unsupported: the incentive's condition is not one the relief evaluates.
 */
export type IncentiveStatus =
  | 'applied'
  | 'awaiting-approval'
  | 'available'
  | 'lapsed'
  | 'withdrawn'
  | 'not-applicable'
  | 'unsupported';

export interface TermsFigures {
  /** Contract interest charged through the date (paid + owed), with any interest the relief charges instead of penalty. */
  readonly interest: string;
  readonly penaltyInterest: string;
  readonly compoundInterest: string;
  /** Still to pay on that date to owe nothing, after money held as credit. */
  readonly toSettle: string;
}

export interface IncentiveFigures {
  /** The date the figures are as of: the settlement date, or min(asOf, deadline). */
  readonly at: LocalDate;
  readonly normalTerms: TermsFigures;
  readonly incentiveTerms: TermsFigures;
  readonly waived: {
    readonly penaltyInterest: string;
    readonly compoundInterest: string;
    readonly total: string;
  };
}

export interface IncentiveOutcome {
  readonly status: IncentiveStatus;
  readonly settledOn: LocalDate | null;
}

export interface AccountTerms {
  readonly type: string;
  readonly loan: LoanAccount;
}

/** The incentive's standing for the account as known on `asOf`. */
export function evaluateIncentive(
  rule: IncentiveRule,
  account: AccountTerms,
  approved: boolean,
  asOf: LocalDate,
  compute: Compute,
): IncentiveOutcome {
  if (rule.unsupported || !rule.deadline) return { status: 'unsupported', settledOn: null };
  if (rule.accountTypes && !rule.accountTypes.includes(account.type)) {
    return { status: 'not-applicable', settledOn: null };
  }
  const payments = account.loan.payments ?? [];
  const cutoff = minDate(asOf, rule.deadline);
  const known = paymentsKnownOn(payments, asOf);
  const settledOn = settledOnUnder(account.loan, rule.effect, known, cutoff, compute);
  if (settledOn) {
    const waiting = rule.approvalKind !== null && !approved;
    return { status: waiting ? 'awaiting-approval' : 'applied', settledOn };
  }
  if (compareDates(asOf, rule.deadline) <= 0) return { status: 'available', settledOn: null };
  // Receipts dated by now, reversals ignored: had they stood, was it settled in time?
  const unreversed = payments.filter((p) => !p.reverses && compareDates(p.date, asOf) <= 0);
  const once = settledOnUnder(account.loan, rule.effect, unreversed, rule.deadline, compute);
  return { status: once ? 'withdrawn' : 'lapsed', settledOn: null };
}

/** The balance the ledger shows: on the incentive's terms once it applies, else as contracted. */
export function relievedBalance(
  rule: IncentiveRule,
  loan: LoanAccount,
  asOf: LocalDate,
  compute: Compute,
): Balance {
  const balance = compute(relievedLoan(loan, rule.effect), asOf);
  return accruesAsInterest(rule.effect) ? relabelAsInterest(balance) : balance;
}

function termsFigures(balance: Balance, interestPaid: string): TermsFigures {
  const charged = chargedThrough(balance);
  return {
    interest: interestPaid,
    penaltyInterest: formatMoney(charged.penalty),
    compoundInterest: formatMoney(charged.compound),
    toSettle: formatMoney(maxMoney(remainingAfterCredit(balance), ZERO)),
  };
}

function interestCharged(balance: Balance): string {
  const paid = balance.allocations.filter((a) => a.component === 'interest').map((a) => a.amount);
  return formatMoney(sumMoney([...paid, ...balance.installments.map((i) => i.interest)]));
}

/**
 * What the incentive is worth on `at`: the charges under the contract and under the
 * incentive with the same receipts, and the difference (what a notice prints as waived).
 */
export function incentiveFigures(
  rule: IncentiveRule,
  loan: LoanAccount,
  at: LocalDate,
  compute: Compute,
): IncentiveFigures {
  const normal = compute(loan, at);
  const raw = compute(relievedLoan(loan, rule.effect), at);
  const relieved = accruesAsInterest(rule.effect) ? relabelAsInterest(raw) : raw;
  const n = chargedThrough(normal);
  const r = chargedThrough(raw);
  const penalty = n.penalty.minus(r.penalty);
  const compound = n.compound.minus(r.compound);
  return {
    at,
    normalTerms: termsFigures(normal, interestCharged(normal)),
    incentiveTerms: termsFigures(relieved, interestCharged(relieved)),
    waived: {
      penaltyInterest: formatMoney(penalty),
      compoundInterest: formatMoney(compound),
      total: formatMoney(penalty.plus(compound)),
    },
  };
}
