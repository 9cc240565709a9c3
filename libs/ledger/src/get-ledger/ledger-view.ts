import type { Balance } from '../domain/balance/account.types';
import { compareDates } from '../domain/local-date';
import { formatMoney, sumMoney } from '../domain/money';
import type { LoadedAccount } from '../read/loan-rows';
import { summarise } from '../read/balance-summary';
import type { LedgerInstallment, LedgerPayment, LedgerView } from './get-ledger.query';

const COMPONENTS = ['fees', 'penalty', 'compound', 'interest', 'principal'] as const;

/** Joins the stored schedule and payment rows with the calculator's allocation of them. */
export function ledgerView(loaded: LoadedAccount, balance: Balance): LedgerView {
  const scheduled = new Map(loaded.loan.schedule.map((row) => [row.seq, row]));
  const installments: LedgerInstallment[] = balance.installments.map((state) => {
    const lines = balance.allocations.filter((line) => line.seq === state.seq);
    const paid = Object.fromEntries(
      COMPONENTS.map((c) => [
        c,
        formatMoney(sumMoney(lines.filter((l) => l.component === c).map((l) => l.amount))),
      ]),
    ) as LedgerInstallment['paid'];
    const row = scheduled.get(state.seq);
    return {
      seq: state.seq,
      dueDate: state.dueDate,
      scheduled: { principal: row?.principal ?? '0.00', interest: row?.interest ?? '0.00' },
      paid,
      outstanding: {
        principal: state.principal,
        interest: state.interest,
        fees: state.fees,
        penaltyInterest: state.penaltyInterest,
        compoundInterest: state.compoundInterest,
      },
      dpd: state.dpd,
    };
  });
  const reversed = new Set(balance.reversedPaymentIds);
  const payments: LedgerPayment[] = loaded.payments
    .filter((p) => compareDates(p.paidOn, balance.asOf) <= 0)
    .map((p) => ({
      id: p.id,
      accountId: loaded.account.id,
      source: p.source,
      externalRef: p.externalRef,
      paidOn: p.paidOn,
      amount: p.amount,
      reversesPaymentId: p.reversesPaymentId,
      note: p.note,
      status: p.reversesPaymentId ? 'reversal' : reversed.has(p.id) ? 'reversed' : 'effective',
    }));
  return {
    asOf: balance.asOf,
    account: loaded.account,
    installments,
    payments,
    allocations: balance.allocations,
    balance: summarise(balance),
  };
}
