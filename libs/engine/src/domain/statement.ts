import type { LocalDate } from '@qingshou/calendar';
import { type Balance, dec, formatMoney, type LoanAccount, sumMoney, ZERO } from '@qingshou/ledger';

/** One line of a 对账单: an installment's contract amounts, or a charge on it. */
export interface StatementLine {
  readonly contractNo: string;
  readonly date: LocalDate;
  /** The same date under the name the templates print ("约定付款日"). */
  readonly dueDate: LocalDate;
  readonly description: string;
  readonly amountDue: string;
  readonly amountPaid: string;
  readonly outstanding: string;
}

export interface Statement {
  readonly lines: StatementLine[];
  /** Σ outstanding of the lines: what is owed on the date, to the fen. */
  readonly balance: string;
}

export interface StatementAccount {
  readonly ref: string;
  readonly balance: Balance;
  readonly loan?: LoanAccount;
}

const CHARGES = [
  { component: 'penalty', field: 'penaltyInterest', zh: '罚息' },
  { component: 'compound', field: 'compoundInterest', zh: '复利' },
  { component: 'fees', field: 'fees', zh: '费用' },
] as const;

/**
 * The statement of account (对账单, 篇一: AR reconciled with finance, then sent with a reply
 * slip) as of the balance's date: per account, every installment due on or before it with
 * what the contract asked, what receipts covered and what is left, then each charge
 * (penalty, compound interest, fees) still on it. Paid and outstanding come from the
 * ledger's own allocation, so the lines add up to the ledger's total due.
 */
export function statementOf(accounts: readonly StatementAccount[]): Statement {
  const lines: StatementLine[] = [];
  for (const { ref, balance, loan } of accounts) {
    const single = balance.installments.length === 1 && (loan?.schedule.length ?? 1) === 1;
    const paid = (seq: number, components: readonly string[]) =>
      sumMoney(
        balance.allocations
          .filter((a) => a.seq === seq && components.includes(a.component))
          .map((a) => a.amount),
      );
    for (const inst of balance.installments) {
      if (inst.dueDate > balance.asOf) continue;
      const contract = loan?.schedule.find((s) => s.seq === inst.seq);
      const paidContract = paid(inst.seq, ['principal', 'interest']);
      const outstanding = dec(inst.principal).plus(dec(inst.interest));
      const due = contract
        ? dec(String(contract.principal)).plus(dec(String(contract.interest)))
        : outstanding.plus(paidContract);
      const line = (description: string, amountDue: string, amountPaid: string, left: string) =>
        lines.push({
          contractNo: ref,
          date: inst.dueDate,
          dueDate: inst.dueDate,
          description,
          amountDue,
          amountPaid,
          outstanding: left,
        });
      line(
        single ? '应付款' : `第${inst.seq}期应付款`,
        formatMoney(due),
        formatMoney(paidContract),
        formatMoney(outstanding),
      );
      for (const charge of CHARGES) {
        const left = dec(inst[charge.field]);
        const chargePaid = paid(inst.seq, [charge.component]);
        if (left.isZero() && chargePaid.isZero()) continue;
        line(
          single ? charge.zh : `第${inst.seq}期${charge.zh}`,
          formatMoney(left.plus(chargePaid)),
          formatMoney(chargePaid),
          formatMoney(left),
        );
      }
    }
  }
  const balance = lines.reduce((acc, l) => acc.plus(dec(l.outstanding)), ZERO);
  return { lines, balance: formatMoney(balance) };
}
