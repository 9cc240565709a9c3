import type { Client } from 'pg';

/**
 * The daily-run benchmark's book: `total` accounts spread over the demo tenants already in
 * the database (weights below), written set-based by the superuser straight into debtors,
 * accounts, installments and payments. Deterministic: ids are md5 of (tenant, n), so the
 * same arguments build the same rows.
 *
 * Every account has 6 monthly installments of 2,000.00 principal + 50.00 interest. Each
 * account's schedule is placed so that, on the run date R:
 *   n % 10 = 0  newly overdue — installment 3 fell due on R−1 and is unpaid (10% of the book)
 *   n % 50 = 1  long overdue — installment 3 fell due 2–120 days before R, unpaid (2%)
 *   otherwise   current — installment 3 falls due within the next 28 days; 1–2 are paid
 * and installments 1–2 are paid, each by a payment on its due date (so the calculator
 * allocates, and no penalty accrues that would leave installment 2 short and make a newly
 * overdue account look 31 days late).
 */
export interface PortfolioSpec {
  readonly total: number;
  /** The run date R, YYYY-MM-DD. */
  readonly runDate: string;
}

const WEIGHTS: Record<string, number> = {
  'demo-agency': 0.4,
  'demo-coop': 0.2,
  'demo-housing-fund': 0.15,
  'demo-microloan': 0.1,
  'demo-school': 0.1,
  'demo-leasing': 0.05,
};

export interface TenantShare {
  readonly tenantId: string;
  readonly slug: string;
  readonly accounts: number;
}

export async function generatePortfolio(client: Client, spec: PortfolioSpec) {
  const tenants = await client.query<{ id: string; slug: string }>(
    `select id, slug from tenants where slug = any($1::text[]) order by slug`,
    [Object.keys(WEIGHTS)],
  );
  if (tenants.rows.length === 0) throw new Error('no demo tenants: run the demo seed first');
  const shares: TenantShare[] = tenants.rows.map((t) => ({
    tenantId: t.id,
    slug: t.slug,
    accounts: Math.round(spec.total * WEIGHTS[t.slug]),
  }));
  for (const share of shares) await generateTenantBook(client, share, spec.runDate);
  await client.query('analyze');
  return shares;
}

async function generateTenantBook(client: Client, share: TenantShare, runDate: string) {
  // The account type and repayment method the tenant's own demo book uses.
  const sample = await client.query<{ type: string; repayment_method: string }>(
    `select type, repayment_method from accounts where tenant_id = $1 limit 1`,
    [share.tenantId],
  );
  const type = sample.rows[0]?.type ?? 'loan';
  const params = [share.tenantId, share.accounts, runDate];
  await client.query('begin');
  try {
    await client.query(
      `create temp table bench_book_rows on commit drop as
       select n, debtor_id, account_id, due3, (due3 - interval '2 months')::date as start_date
       from generate_series(1, $2::int) as n,
            lateral (select md5($1::text || ':d:' || n)::uuid as debtor_id,
                            md5($1::text || ':a:' || n)::uuid as account_id,
                            case when n % 10 = 0 then $3::date - 1
                                 when n % 50 = 1 then $3::date - (2 + n % 119)
                                 else $3::date + (n % 28) end as due3) k`,
      params,
    );
    await client.query(
      `insert into debtors (tenant_id, id, kind, name, id_number, phones, created_at, created_by)
       select $1, debtor_id, 'person', '压测债务人' || n,
              'B' || lpad(n::text, 12, '0') || upper(substr(md5($2 || n), 1, 5)),
              array['139' || lpad((n % 100000000)::text, 8, '0')], now(), 'bench'
       from bench_book_rows`,
      [share.tenantId, share.slug],
    );
    await client.query(
      `insert into accounts (tenant_id, id, debtor_id, type, source, external_ref, principal,
         annual_rate, start_date, repayment_method, created_at, created_by)
       select $1, account_id, debtor_id, $2, 'bench', 'B-' || n, 12000.00, 0.050000,
              start_date - interval '1 month', 'given', now(), 'bench'
       from bench_book_rows`,
      [share.tenantId, type],
    );
    await client.query(
      `insert into installments (tenant_id, account_id, seq, due_date, principal, interest)
       select $1, account_id, seq, (due3 + (seq - 3) * interval '1 month')::date, 2000.00, 50.00
       from bench_book_rows, generate_series(1, 6) as seq`,
      [share.tenantId],
    );
    await client.query(
      `insert into payments (tenant_id, id, account_id, source, external_ref, paid_on, amount,
         recorded_by, recorded_at)
       select $1::text::uuid, md5($1::text || ':p:' || n || ':' || seq)::uuid, account_id, 'bench',
              'P-' || n || '-' || seq, (due3 + (seq - 3) * interval '1 month')::date, 2050.00,
              -- Recorded the day it was paid: the incremental run tells new receipts by this.
              'bench', (due3 + (seq - 3) * interval '1 month')::date + time '12:00'
       from bench_book_rows, generate_series(1, 2) as seq`,
      [share.tenantId],
    );
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}
