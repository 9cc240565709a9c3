/**
 * How every writer of account_balances (one account, a calculator chunk, the set-based
 * unpaid chunk) settles a row that exists: all figures from the newer computation, never
 * an older as_of over a newer one. One clause, so a new balance column cannot be missed
 * by one writer.
 */
export const UPSERT_NEWER_BALANCE = `on conflict (tenant_id, account_id) do update set
       as_of = excluded.as_of, overdue_principal = excluded.overdue_principal,
       overdue_interest = excluded.overdue_interest, due_today = excluded.due_today,
       penalty_interest = excluded.penalty_interest,
       compound_interest = excluded.compound_interest, fees = excluded.fees,
       total_due = excluded.total_due, outstanding_principal = excluded.outstanding_principal,
       overpayment = excluded.overpayment, dpd = excluded.dpd,
       aging_bucket = excluded.aging_bucket, loan_class = excluded.loan_class,
       refreshed_at = excluded.refreshed_at
     where account_balances.as_of <= excluded.as_of`;
