import { EntityManager } from '@mikro-orm/postgresql';
import { type DbRow, type LoadedAccount, toLoadedAccount, toPaymentRow } from './loan-rows';

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
  const accounts = await em.execute<DbRow[]>(
    `select a.id, a.debtor_id, a.type, a.source, a.external_ref, a.principal, a.annual_rate,
            a.day_count_basis, a.penalty_markup, a.compound_enabled, a.own_terms, a.start_date,
            a.repayment_method, a.currency
     ${scope} order by a.start_date, a.id`,
    params,
  );
  if (accounts.length === 0) return [];
  const ids = `(select a.id ${scope})`;
  const installments = await em.execute<DbRow[]>(
    `select account_id, seq, due_date, principal, interest from installments
     where tenant_id = ? and account_id in ${ids} order by account_id, seq`,
    [tenantId, ...params],
  );
  const fees = await em.execute<DbRow[]>(
    `select account_id, id, seq, kind, fee_date, amount from account_fees
     where tenant_id = ? and account_id in ${ids} order by fee_date, recorded_at, id`,
    [tenantId, ...params],
  );
  // Receipts before their reversals: a reversal is dated on or after its receipt and
  // recorded after it, and the domain checks the list in this order.
  const payments = await em.execute<DbRow[]>(
    `select account_id, id, source, external_ref, paid_on, amount, reverses_payment_id, note,
            recorded_by
     from payments where tenant_id = ? and account_id in ${ids}
     order by paid_on, recorded_at, id`,
    [tenantId, ...params],
  );
  return accounts.map((a) => {
    const id = String(a.id);
    const own = (rows: DbRow[]) => rows.filter((r) => r.account_id === id);
    const accountPayments = own(payments);
    return {
      ...toLoadedAccount(a, own(installments), own(fees), accountPayments),
      payments: accountPayments.map(toPaymentRow),
    };
  });
}
