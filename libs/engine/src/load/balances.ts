import { EntityManager } from '@mikro-orm/postgresql';
import type { LocalDate } from '@qingshou/calendar';
import {
  AccountBalances,
  type Balance,
  type LoadedAccount,
  toLoadedAccount,
} from '@qingshou/ledger';
import { groupBy, pgArray } from './sql';

type Row = Record<string, string | number | boolean | null>;

/**
 * The balance of every account of a chunk as of `asOf`, recomputed from schedule, fees and
 * payments (the snapshot in account_balances may be of another date). Four statements for
 * the whole chunk, whatever its size. An account whose ledger is inconsistent is left out
 * and named in `errors`, so one bad row does not stop the run.
 */
export async function balancesAsOf(
  em: EntityManager,
  balances: AccountBalances,
  tenantId: string,
  accountIds: readonly string[],
  asOf: LocalDate,
): Promise<{
  byAccount: Map<string, Balance>;
  loans: Map<string, LoadedAccount>;
  errors: Map<string, string>;
}> {
  const byAccount = new Map<string, Balance>();
  const loans = new Map<string, LoadedAccount>();
  const errors = new Map<string, string>();
  if (accountIds.length === 0) return { byAccount, loans, errors };
  const ids = pgArray(accountIds);
  const where = `tenant_id = ? and account_id = any(?::uuid[])`;
  const accounts = await em.execute<Row[]>(
    `select id, debtor_id, type, source, external_ref, principal::text, annual_rate::text,
            day_count_basis, penalty_markup::text, compound_enabled, own_terms, start_date::text,
            repayment_method, currency
     from accounts where tenant_id = ? and id = any(?::uuid[])`,
    [tenantId, ids],
  );
  const installments = groupBy(
    await em.execute<Row[]>(
      `select account_id, seq, due_date::text, principal::text, interest::text
       from installments where ${where} order by account_id, seq`,
      [tenantId, ids],
    ),
    (r) => String(r.account_id),
  );
  const fees = groupBy(
    await em.execute<Row[]>(
      `select account_id, id, seq, kind, fee_date::text, amount::text from account_fees
       where ${where} order by fee_date, recorded_at, id`,
      [tenantId, ids],
    ),
    (r) => String(r.account_id),
  );
  const payments = groupBy(
    await em.execute<Row[]>(
      `select account_id, id, paid_on::text, amount::text, reverses_payment_id from payments
       where ${where} order by paid_on, recorded_at, id`,
      [tenantId, ids],
    ),
    (r) => String(r.account_id),
  );
  for (const a of accounts) {
    const id = String(a.id);
    loans.set(id, toLoadedAccount(a, installments.get(id), fees.get(id), payments.get(id)));
  }
  // The pinned pack's terms as each day's installation states them (one read per chunk).
  await balances.attachTerms(em, tenantId, [...loans.values()]);
  for (const [id, loaded] of loans) {
    try {
      byAccount.set(id, balances.compute(tenantId, loaded, asOf));
    } catch (error) {
      errors.set(id, (error as Error).message);
    }
  }
  return { byAccount, loans, errors };
}
