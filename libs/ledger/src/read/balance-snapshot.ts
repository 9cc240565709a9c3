import { EntityManager } from '@mikro-orm/postgresql';
import type { Balance } from '../domain/balance/account.types';
import { UPSERT_NEWER_BALANCE } from './balance-upsert.sql';

/**
 * Upserts the account's row in account_balances. Written after registration and after every
 * payment or reversal, as of the tenant's business date; the daily run will refresh all rows
 * set-based. An older as_of never overwrites a newer one (a late request racing the daily run).
 */
export async function writeBalanceSnapshot(
  em: EntityManager,
  tenantId: string,
  accountId: string,
  balance: Balance,
  refreshedAt: Date,
): Promise<void> {
  await em.execute(
    `insert into account_balances (tenant_id, account_id, as_of, overdue_principal,
       overdue_interest, due_today, penalty_interest, compound_interest, fees, total_due,
       outstanding_principal, overpayment, dpd, aging_bucket, loan_class, refreshed_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ${UPSERT_NEWER_BALANCE}`,
    [
      tenantId,
      accountId,
      balance.asOf,
      balance.overduePrincipal,
      balance.overdueInterest,
      balance.dueToday,
      balance.penaltyInterest,
      balance.compoundInterest,
      balance.fees,
      balance.totalDue,
      balance.outstandingPrincipal,
      balance.overpayment,
      balance.dpd,
      balance.agingBucket,
      balance.loanClass,
      refreshedAt,
    ],
  );
}
