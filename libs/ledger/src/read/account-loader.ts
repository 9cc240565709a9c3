import { EntityManager } from '@mikro-orm/postgresql';
import type { Fee, LoanAccount } from '../domain/balance/account.types';
import type { PaymentEntry } from '../domain/allocation/payment-ledger';
import type { Installment } from '../domain/schedule/schedule.types';
import type { AccountRepaymentMethod, AccountType } from '../entities/account.entity';
import type { AccountTermName } from '../terms/pack-terms';

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

/** An account with everything computeBalance needs, read with four SQL statements. */
export interface LoadedAccount {
  account: AccountRow;
  loan: LoanAccount;
  payments: PaymentRow[];
}

type Filter = { accountId: string } | { debtorId: string };

/**
 * Reads accounts with their schedule, fees and payments as rows (no entity graph), either
 * one account or all of a debtor's. `tenant_id = ?` is spelled out although RLS already
 * applies: it keeps every statement on the tenant's key prefix (Citus, DESIGN §3).
 */
export async function loadAccounts(
  em: EntityManager,
  tenantId: string,
  filter: Filter,
): Promise<LoadedAccount[]> {
  const [where, value] =
    'accountId' in filter ? ['a.id = ?', filter.accountId] : ['a.debtor_id = ?', filter.debtorId];
  const scope = `from accounts a where a.tenant_id = ? and ${where}`;
  const params = [tenantId, value];
  const accounts = await em.execute<Record<string, unknown>[]>(
    `select a.id, a.debtor_id, a.type, a.source, a.external_ref, a.principal, a.annual_rate,
            a.day_count_basis, a.penalty_markup, a.compound_enabled, a.own_terms, a.start_date,
            a.repayment_method, a.currency
     ${scope} order by a.start_date, a.id`,
    params,
  );
  if (accounts.length === 0) return [];
  const ids = `(select a.id ${scope})`;
  const installments = await em.execute<Record<string, string | number>[]>(
    `select account_id, seq, due_date, principal, interest from installments
     where tenant_id = ? and account_id in ${ids} order by account_id, seq`,
    [tenantId, ...params],
  );
  const fees = await em.execute<Record<string, string | number | null>[]>(
    `select account_id, id, seq, kind, fee_date, amount from account_fees
     where tenant_id = ? and account_id in ${ids} order by fee_date, recorded_at, id`,
    [tenantId, ...params],
  );
  // Receipts before their reversals: a reversal is dated on or after its receipt and
  // recorded after it, and the domain checks the list in this order.
  const payments = await em.execute<Record<string, string | null>[]>(
    `select account_id, id, source, external_ref, paid_on, amount, reverses_payment_id, note,
            recorded_by
     from payments where tenant_id = ? and account_id in ${ids}
     order by paid_on, recorded_at, id`,
    [tenantId, ...params],
  );
  return accounts.map((a) => {
    const account = toAccountRow(a);
    const own = <T extends { account_id?: unknown }>(rows: T[]) =>
      rows.filter((r) => r.account_id === account.id);
    const schedule: Installment[] = own(installments).map((i) => ({
      seq: Number(i.seq),
      dueDate: String(i.due_date),
      principal: String(i.principal),
      interest: String(i.interest),
    }));
    const feeList: Fee[] = own(fees).map((f) => ({
      id: String(f.id),
      date: String(f.fee_date),
      amount: String(f.amount),
      seq: f.seq === null ? undefined : Number(f.seq),
      kind: String(f.kind),
    }));
    const paymentRows = own(payments).map(toPaymentRow);
    const entries: PaymentEntry[] = paymentRows.map((p) => ({
      id: p.id,
      date: p.paidOn,
      amount: p.amount,
      ...(p.reversesPaymentId ? { reverses: p.reversesPaymentId } : {}),
    }));
    const loan: LoanAccount = {
      principal: account.principal,
      annualRate: account.annualRate,
      dayCountBasis: account.dayCountBasis,
      penaltyMarkup: account.penaltyMarkup,
      compoundInterest: account.compoundEnabled,
      schedule,
      fees: feeList,
      payments: entries,
    };
    return { account, loan, payments: paymentRows };
  });
}

function toAccountRow(a: Record<string, unknown>): AccountRow {
  return {
    id: String(a.id),
    debtorId: String(a.debtor_id),
    type: a.type as AccountType,
    source: String(a.source),
    externalRef: String(a.external_ref),
    principal: String(a.principal),
    annualRate: String(a.annual_rate),
    dayCountBasis: Number(a.day_count_basis) === 365 ? 365 : 360,
    penaltyMarkup: String(a.penalty_markup),
    compoundEnabled: Boolean(a.compound_enabled),
    ownTerms: ownTermsOf(a.own_terms),
    startDate: String(a.start_date),
    repaymentMethod: a.repayment_method as AccountRepaymentMethod,
    currency: String(a.currency),
  };
}

function toPaymentRow(p: Record<string, string | null>): PaymentRow {
  return {
    id: String(p.id),
    source: String(p.source),
    externalRef: String(p.external_ref),
    paidOn: String(p.paid_on),
    amount: String(p.amount),
    reversesPaymentId: p.reverses_payment_id,
    note: p.note,
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
