import * as argon2 from 'argon2';
import type { Client } from 'pg';
import type { TenantShare } from './run-portfolio';

/**
 * The web benchmark's people and work on top of the generated book (run-portfolio.ts):
 * 50 collectors over the six demo tenants (in the book's proportions) and one manager a
 * tenant; for every overdue account a case assigned round-robin to the tenant's collectors,
 * its balance snapshot, an open call task due today 09:00 and yesterday's unanswered call
 * (so the contact rules have attempts to count). Written set-based by the superuser, like
 * the book; ids are md5 of (tenant, kind, n), so the same arguments build the same rows.
 */
export const BENCH_PASSWORD = 'Bench-Collector-2026!';

export interface BenchUser {
  readonly tenant: string;
  readonly username: string;
  readonly role: 'phone-collector' | 'manager';
  /** The collector's cases, up to 200 (the case page is asked for one of them). */
  readonly caseIds: readonly string[];
}

/** 50 collectors in the book's tenant weights, at least one a tenant. */
export function collectorsPerTenant(shares: readonly TenantShare[], total = 50) {
  const accounts = shares.reduce((sum, s) => sum + s.accounts, 0);
  const counts = shares.map((s) => Math.max(1, Math.floor((total * s.accounts) / accounts)));
  // What rounding left over goes to the largest tenants first.
  const order = shares.map((_, i) => i).sort((a, b) => shares[b].accounts - shares[a].accounts);
  for (let k = 0; counts.reduce((a, b) => a + b, 0) < total; k++) counts[order[k % order.length]]++;
  return new Map(shares.map((s, i) => [s.tenantId, counts[i]]));
}

export async function buildWork(
  client: Client,
  shares: readonly TenantShare[],
  runDate: string,
): Promise<BenchUser[]> {
  const hash = await argon2.hash(BENCH_PASSWORD, { type: argon2.argon2id });
  const perTenant = collectorsPerTenant(shares);
  const users: BenchUser[] = [];
  for (const share of shares) {
    const collectors = perTenant.get(share.tenantId) as number;
    await tenantWork(client, share.tenantId, collectors, hash, runDate);
    for (let i = 1; i <= collectors; i++) {
      const { rows } = await client.query<{ id: string }>(
        `select id from cases where tenant_id = $1::uuid and assignee_id = md5($1::text || ':u:' || $2)::uuid
         order by id limit 200`,
        [share.tenantId, i],
      );
      users.push({
        tenant: share.slug,
        username: collectorName(i),
        role: 'phone-collector',
        caseIds: rows.map((r) => r.id),
      });
    }
    users.push({ tenant: share.slug, username: 'bench.m', role: 'manager', caseIds: [] });
  }
  await client.query('analyze');
  return users;
}

const collectorName = (i: number) => `bench.c${String(i).padStart(2, '0')}`;

async function tenantWork(
  client: Client,
  tenantId: string,
  collectors: number,
  hash: string,
  runDate: string,
): Promise<void> {
  const step = (sql: string, params: unknown[] = [tenantId]) => client.query(sql, params);
  await client.query('begin');
  try {
    await step(
      `insert into users (tenant_id, id, username, display_name, password_hash, roles, status, created_at)
       select $1::uuid, md5($1::text || ':u:' || i)::uuid, 'bench.c' || lpad(i::text, 2, '0'),
              '压测催收员' || i, $2, array['phone-collector'], 'active', now()
       from generate_series(1, $3::int) i
       union all
       select $1::uuid, md5($1::text || ':m')::uuid, 'bench.m', '压测经理', $2, array['manager'],
              'active', now()`,
      [tenantId, hash, collectors],
    );
    // The book's overdue accounts: installment 3 fell due before the run date, unpaid.
    await step(
      `create temp table bench_overdue on commit drop as
       select a.id as account_id, a.debtor_id, $2::date - i.due_date as dpd,
              md5($1::text || ':c:' || a.id)::uuid as case_id,
              md5($1::text || ':u:' || (1 + (row_number() over (order by a.id)) % $3))::uuid
                as assignee_id
       from accounts a
       join installments i on i.tenant_id = a.tenant_id and i.account_id = a.id and i.seq = 3
       where a.tenant_id = $1::uuid and a.source = 'bench' and i.due_date < $2::date`,
      [tenantId, runDate, collectors],
    );
    await step(
      `insert into cases (tenant_id, id, debtor_id, scope, account_id, status, assignee_id,
         priority, opened_on, version, created_at, updated_at)
       select $1::uuid, case_id, debtor_id, 'account', account_id, 'open', assignee_id, 0,
              $2::date - 1, 1, now(), now()
       from bench_overdue`,
      [tenantId, runDate],
    );
    await step(
      `insert into case_accounts (tenant_id, case_id, account_id)
       select $1::uuid, case_id, account_id from bench_overdue`,
    );
    await step(
      `insert into account_balances (tenant_id, account_id, as_of, overdue_principal,
         overdue_interest, due_today, penalty_interest, compound_interest, fees, total_due,
         outstanding_principal, overpayment, dpd, aging_bucket, loan_class, refreshed_at)
       select $1::uuid, account_id, $2::date, 2000.00, 50.00, 0, 0, 0, 0, 2050.00, 8000.00, 0, dpd,
              case when dpd <= 30 then 'M1' when dpd <= 60 then 'M2' else 'M3' end,
              case when dpd <= 90 then 'special-mention' else 'substandard' end, now()
       from bench_overdue
       on conflict (tenant_id, account_id) do nothing`,
      [tenantId, runDate],
    );
    await step(
      `insert into tasks (tenant_id, id, case_id, kind, title, due_at, status, assignee_id,
         priority, idempotency_key, created_by, created_at, role)
       select $1::uuid, md5($1::text || ':t:' || case_id)::uuid, case_id, 'call', '电话催收',
              ($2 || ' 09:00+08')::timestamptz, 'open', assignee_id, 0,
              'bench:' || case_id, 'bench', now(), 'phone-collector'
       from bench_overdue`,
      [tenantId, runDate],
    );
    await step(
      `insert into contact_attempts (tenant_id, id, case_id, channel, party, outcome_code,
         attempted_at, recorded_by, recorded_at)
       select $1::uuid, md5($1::text || ':ca:' || case_id)::uuid, case_id, 'call', 'debtor',
              'no-answer', ($2::date - 1 || ' 10:00+08')::timestamptz, 'bench', now()
       from bench_overdue`,
      [tenantId, runDate],
    );
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}
