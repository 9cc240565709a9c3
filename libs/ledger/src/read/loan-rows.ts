import type { Fee, LoanAccount } from '../domain/balance/account.types';
import type { PaymentEntry } from '../domain/allocation/payment-ledger';
import type { Installment } from '../domain/schedule/schedule.types';
import type { AccountRepaymentMethod, AccountType } from '../entities/account.entity';
import type { AccountTermName } from '../terms/pack-terms';

/**
 * The one mapping from database rows (accounts, installments, account_fees, payments, by
 * their column names) to the ledger's account and loan. Every reader that builds a
 * LoadedAccount from SQL goes through here, so a column means the same on every path.
 */

/** A row as em.execute returns it: column name → value. */
export type DbRow = Record<string, unknown>;

export interface AccountRow {
  id: string;
  debtorId: string;
  type: AccountType;
  source: string;
  externalRef: string;
  principal: string;
  annualRate: string;
  dayCountBasis: 360 | 365;
  penaltyMarkup: string;
  compoundEnabled: boolean;
  /**
   * Terms the account set itself (accounts.own_terms); the stored values of the others are
   * the pack's at registration, and AccountBalances.attachTerms puts the pack's in force.
   * Absent: the reader did not read it, taken as none.
   */
  ownTerms?: readonly AccountTermName[];
  startDate: string;
  repaymentMethod: AccountRepaymentMethod;
  currency: string;
}

export interface PaymentRow {
  id: string;
  source: string;
  externalRef: string;
  paidOn: string;
  amount: string;
  reversesPaymentId: string | null;
  note: string | null;
  recordedBy: string;
}

/** An account with everything computeBalance needs. */
export interface LoadedAccount {
  account: AccountRow;
  loan: LoanAccount;
  /** The payment rows for the ledger's views; empty where a reader needs only the balance. */
  payments: PaymentRow[];
}

/**
 * One account with its own installments (by seq), fees and payments (both in ledger order:
 * date, recorded_at, id). `payments` of the result stays empty: the balance reads `loan`,
 * and a reader that shows the payment rows adds them with toPaymentRow.
 */
export function toLoadedAccount(
  account: DbRow,
  installments: readonly DbRow[] = [],
  fees: readonly DbRow[] = [],
  payments: readonly DbRow[] = [],
): LoadedAccount {
  const row = toAccountRow(account);
  return { account: row, loan: toLoanAccount(row, installments, fees, payments), payments: [] };
}

/** An accounts row; day_count_basis is 365 only when it says so, else 360 (DESIGN §4). */
export function toAccountRow(a: DbRow): AccountRow {
  return {
    id: String(a.id),
    debtorId: String(a.debtor_id),
    type: String(a.type) as AccountType,
    source: String(a.source),
    externalRef: String(a.external_ref),
    principal: String(a.principal),
    annualRate: String(a.annual_rate),
    dayCountBasis: Number(a.day_count_basis) === 365 ? 365 : 360,
    penaltyMarkup: String(a.penalty_markup),
    compoundEnabled: Boolean(a.compound_enabled),
    ownTerms: ownTermsOf(a.own_terms),
    startDate: String(a.start_date),
    repaymentMethod: String(a.repayment_method) as AccountRepaymentMethod,
    currency: String(a.currency),
  };
}

/** The loan computeBalance reads: the account's stored terms with its rows. */
export function toLoanAccount(
  account: AccountRow,
  installments: readonly DbRow[],
  fees: readonly DbRow[],
  payments: readonly DbRow[],
): LoanAccount {
  return {
    principal: account.principal,
    annualRate: account.annualRate,
    dayCountBasis: account.dayCountBasis,
    penaltyMarkup: account.penaltyMarkup,
    compoundInterest: account.compoundEnabled,
    schedule: installments.map(toInstallment),
    fees: fees.map(toFee),
    payments: payments.map(toPaymentEntry),
  };
}

/** A payments row in full, for the ledger's views (needs every column of the table read). */
export function toPaymentRow(p: DbRow): PaymentRow {
  return {
    id: String(p.id),
    source: String(p.source),
    externalRef: String(p.external_ref),
    paidOn: String(p.paid_on),
    amount: String(p.amount),
    reversesPaymentId: textOrNull(p.reverses_payment_id),
    note: textOrNull(p.note),
    recordedBy: String(p.recorded_by),
  };
}

/** own_terms as PostgreSQL returns it: an array, or its text form '{a,b}' from a cast. */
export function ownTermsOf(value: unknown): AccountTermName[] {
  if (Array.isArray(value)) return value.map(String) as AccountTermName[];
  if (typeof value === 'string' && value.length > 2) {
    return value.slice(1, -1).split(',') as AccountTermName[];
  }
  return [];
}

function toInstallment(i: DbRow): Installment {
  return {
    seq: Number(i.seq),
    dueDate: String(i.due_date),
    principal: String(i.principal),
    interest: String(i.interest),
  };
}

/** A fee without a seq (null) belongs to no installment. */
function toFee(f: DbRow): Fee {
  return {
    id: String(f.id),
    date: String(f.fee_date),
    amount: String(f.amount),
    seq: f.seq === null ? undefined : Number(f.seq),
    kind: String(f.kind),
  };
}

/** Only a reversal names the receipt it cancels. */
function toPaymentEntry(p: DbRow): PaymentEntry {
  return {
    id: String(p.id),
    date: String(p.paid_on),
    amount: String(p.amount),
    ...(p.reverses_payment_id ? { reverses: String(p.reverses_payment_id) } : {}),
  };
}

function textOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}
