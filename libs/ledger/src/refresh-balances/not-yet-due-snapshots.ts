import { EntityManager } from '@mikro-orm/postgresql';
import type { LocalDate } from '../domain/local-date';

export interface NotYetDueSnapshots {
  readonly tenantId: string;
  readonly asOf: LocalDate;
  /** A new account like the others whose snapshot the calculator wrote just before. */
  readonly like: { readonly accountId: string; readonly outstanding: string };
  /** New accounts with no receipt, no fee and every installment due after `asOf`. */
  readonly accounts: readonly { readonly accountId: string; readonly outstanding: string }[];
}

/**
 * First snapshots of new accounts that cannot owe anything yet, in one statement (issue 15
 * §4: the calculator per account was most of a large import's time). For such an account the
 * calculator's answer is fixed — no arrears, nothing due today, no penalty, interest or fee,
 * DPD 0, outstanding = its scheduled principal — except the pack's bucket and class for
 * DPD 0, copied from `like`, which the calculator computed. `like` vouches for the shape:
 * nothing is written unless its snapshot is exactly that (as of the date, DPD 0, nothing
 * due, outstanding as stated). Returns how many were written; the caller sends the others
 * to the calculator.
 */
export async function insertNotYetDueSnapshots(
  em: EntityManager,
  input: NotYetDueSnapshots,
): Promise<number> {
  if (input.accounts.length === 0) return 0;
  const query = em.getKnex().raw(
    `insert into account_balances (tenant_id, account_id, as_of, overdue_principal,
       overdue_interest, due_today, penalty_interest, compound_interest, fees, total_due,
       outstanding_principal, overpayment, dpd, aging_bucket, loan_class, refreshed_at)
     select r.tenant_id, a.id, r.as_of, 0, 0, 0, 0, 0, 0, 0, a.outstanding, 0, 0,
       r.aging_bucket, r.loan_class, r.refreshed_at
     from account_balances r
     cross join unnest(?::uuid[], ?::numeric[]) as a(id, outstanding)
     where r.tenant_id = ? and r.account_id = ? and r.as_of = ?::date
       and r.dpd = 0 and r.total_due = 0 and r.overdue_principal = 0 and r.overdue_interest = 0
       and r.due_today = 0 and r.penalty_interest = 0 and r.compound_interest = 0
       and r.fees = 0 and r.overpayment = 0 and r.outstanding_principal = ?::numeric
     on conflict (tenant_id, account_id) do nothing
     returning account_id`,
    [
      `{${input.accounts.map((a) => a.accountId).join(',')}}`,
      `{${input.accounts.map((a) => a.outstanding).join(',')}}`,
      input.tenantId,
      input.like.accountId,
      input.asOf,
      input.like.outstanding,
    ] as never[],
  );
  const trx = em.getTransactionContext();
  if (trx) query.transacting(trx as never);
  const result = (await query) as { rows: unknown[] };
  return result.rows.length;
}
