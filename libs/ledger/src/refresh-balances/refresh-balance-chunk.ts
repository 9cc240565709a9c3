import { EntityManager } from '@mikro-orm/postgresql';
import type { LocalDate } from '../domain/local-date';
import { toLoadedAccount } from '../read/loan-rows';
import { AccountBalances } from '../read/account-balances.service';
import { UPSERT_NEWER_BALANCE } from '../read/balance-upsert.sql';

type Row = Record<string, string | number | boolean | string[] | null>;

export interface BalanceChunk {
  readonly tenantId: string;
  /** Accounts with an id after this one (null: from the first). */
  readonly after: string | null;
  readonly limit: number;
  readonly asOf: LocalDate;
  readonly now: Date;
  /** Only these accounts (an import's): the chunk is then the ids, not an id range. */
  readonly accountIds?: readonly string[];
}

export interface RefreshedChunk {
  /** Accounts read (and snapshotted, unless their ledger is inconsistent). */
  readonly accounts: number;
  /** The last account id of the chunk: the next chunk starts after it. Null: none left. */
  readonly last: string | null;
  readonly overdue: number;
  readonly failed: { accountId: string; reason: string }[];
}

/**
 * The daily run's balance refresh for one range of accounts (by id), in the caller's
 * transaction: four reads for the whole chunk (accounts, installments, fees, payments), the
 * ledger's own calculator per account (penalty, compound interest and the waterfall are its
 * rules, not SQL's), then ONE upsert of every account_balances row of the chunk. An account
 * with no snapshot yet (imported, never paid) gets its first one here. As with every
 * snapshot writer, an older as_of never overwrites a newer one.
 */
export async function refreshBalanceChunk(
  em: EntityManager,
  balances: AccountBalances,
  chunk: BalanceChunk,
): Promise<RefreshedChunk> {
  const { tenantId } = chunk;
  const ids = chunk.accountIds ? `{${chunk.accountIds.join(',')}}` : null;
  const accounts = await em.execute<Row[]>(
    `select id, debtor_id, type, source, external_ref, principal::text, annual_rate::text,
            day_count_basis, penalty_markup::text, compound_enabled, own_terms, start_date::text,
            repayment_method, currency
     from accounts where tenant_id = ? and (?::uuid is null or id > ?::uuid)
       and (?::uuid[] is null or id = any(?::uuid[]))
     order by id limit ?`,
    [tenantId, chunk.after, chunk.after, ids, ids, chunk.limit],
  );
  if (accounts.length === 0) return { accounts: 0, last: null, overdue: 0, failed: [] };
  const first = String(accounts[0].id);
  const last = String(accounts[accounts.length - 1].id);
  // The id range of the chunk keeps the three reads on their (tenant_id, account_id) keys.
  // An id list keeps them to its accounts (an import's ids are scattered over the range).
  const range = `tenant_id = ? and account_id between ?::uuid and ?::uuid
    and (?::uuid[] is null or account_id = any(?::uuid[]))`;
  const params = [tenantId, first, last, ids, ids];
  const installments = byAccount(
    await em.execute<Row[]>(
      `select account_id, seq, due_date::text, principal::text, interest::text
       from installments where ${range} order by account_id, seq`,
      params,
    ),
  );
  const fees = byAccount(
    await em.execute<Row[]>(
      `select account_id, id, seq, kind, fee_date::text, amount::text from account_fees
       where ${range} order by fee_date, recorded_at, id`,
      params,
    ),
  );
  const payments = byAccount(
    await em.execute<Row[]>(
      `select account_id, id, paid_on::text, amount::text, reverses_payment_id from payments
       where ${range} order by paid_on, recorded_at, id`,
      params,
    ),
  );
  const loaded = accounts.map((a) => {
    const id = String(a.id);
    return toLoadedAccount(a, installments.get(id), fees.get(id), payments.get(id));
  });
  await balances.attachRelief(em, tenantId, loaded);
  const rows: Record<string, unknown>[] = [];
  const failed: RefreshedChunk['failed'] = [];
  for (const one of loaded) {
    try {
      const b = balances.compute(tenantId, one, chunk.asOf);
      rows.push({
        account_id: one.account.id,
        overdue_principal: b.overduePrincipal,
        overdue_interest: b.overdueInterest,
        due_today: b.dueToday,
        penalty_interest: b.penaltyInterest,
        compound_interest: b.compoundInterest,
        fees: b.fees,
        total_due: b.totalDue,
        outstanding_principal: b.outstandingPrincipal,
        overpayment: b.overpayment,
        dpd: b.dpd,
        aging_bucket: b.agingBucket,
        loan_class: b.loanClass,
      });
    } catch (error) {
      // One inconsistent ledger must not stop the night; the run reports it.
      failed.push({ accountId: one.account.id, reason: (error as Error).message });
    }
  }
  if (rows.length > 0) await upsertSnapshots(em, chunk, rows);
  const overdue = rows.filter((r) => Number(r.dpd) > 0).length;
  return { accounts: accounts.length, last, overdue, failed };
}

/**
 * Balances of the given accounts as of `asOf`, right when they enter (an import's new and
 * updated accounts): the case page and the supervisor's pool show their amounts and DPD at
 * once instead of ¥0.00 until the nightly run. Same calculator and upsert as the run, in
 * chunks of `limit` ids, in the caller's transaction.
 */
export async function refreshAccountBalances(
  em: EntityManager,
  balances: AccountBalances,
  input: { tenantId: string; accountIds: readonly string[]; asOf: LocalDate; now: Date },
): Promise<{ accounts: number; failed: RefreshedChunk['failed'] }> {
  const sorted = [...new Set(input.accountIds)].sort();
  let accounts = 0;
  const failed: RefreshedChunk['failed'] = [];
  for (let i = 0; i < sorted.length; i += IDS_PER_CHUNK) {
    const accountIds = sorted.slice(i, i + IDS_PER_CHUNK);
    const done = await refreshBalanceChunk(em, balances, {
      tenantId: input.tenantId,
      after: null,
      limit: accountIds.length,
      asOf: input.asOf,
      now: input.now,
      accountIds,
    });
    accounts += done.accounts;
    failed.push(...done.failed);
  }
  return { accounts, failed };
}

const IDS_PER_CHUNK = 1000;

async function upsertSnapshots(
  em: EntityManager,
  chunk: BalanceChunk,
  rows: Record<string, unknown>[],
): Promise<void> {
  await executeBound(
    em,
    `insert into account_balances (tenant_id, account_id, as_of, overdue_principal,
       overdue_interest, due_today, penalty_interest, compound_interest, fees, total_due,
       outstanding_principal, overpayment, dpd, aging_bucket, loan_class, refreshed_at)
     select ?, r.account_id, ?::date, r.overdue_principal, r.overdue_interest, r.due_today,
       r.penalty_interest, r.compound_interest, r.fees, r.total_due, r.outstanding_principal,
       r.overpayment, r.dpd, r.aging_bucket, r.loan_class, ?
     from jsonb_to_recordset(?::jsonb) as r(account_id uuid, overdue_principal numeric,
       overdue_interest numeric, due_today numeric, penalty_interest numeric,
       compound_interest numeric, fees numeric, total_due numeric,
       outstanding_principal numeric, overpayment numeric, dpd int, aging_bucket text,
       loan_class text)
     ${UPSERT_NEWER_BALANCE}`,
    [chunk.tenantId, chunk.asOf, chunk.now, JSON.stringify(rows)],
  );
}

/**
 * A statement with its values sent as bind parameters (PostgreSQL's extended protocol) in the
 * caller's transaction. em.execute writes every value into the SQL text, escaping it; for a
 * chunk's megabyte of JSON that formatting cost more than the upsert itself. Placeholders are
 * `?`; values must be scalars (knex expands arrays into lists).
 */
async function executeBound(em: EntityManager, sql: string, values: unknown[]): Promise<void> {
  const query = em.getKnex().raw(sql, values as never[]);
  const trx = em.getTransactionContext();
  if (trx) query.transacting(trx as never);
  await query;
}

function byAccount(rows: Row[]): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const row of rows) {
    const key = String(row.account_id);
    const list = out.get(key);
    if (list) list.push(row);
    else out.set(key, [row]);
  }
  return out;
}
