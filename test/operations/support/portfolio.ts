import { createHash } from 'node:crypto';
import type { Client } from 'pg';

/**
 * A microloan book written straight into the tables (as an import would leave it: accounts,
 * schedules and guarantors, but no balance snapshot and no case yet). Account i has one
 * installment of 1,000.00 at 0%, due so that its DPD on `asOf` is (i mod 10) − 2: a fifth
 * not yet late, and every rung of the 篇六 ladder (days 1–3 calls, 4–6 guarantor, 7 notice).
 */
export async function writeMicroloanBook(
  owner: Client,
  tenantId: string,
  asOf: string,
  accounts: number,
): Promise<void> {
  const params = [tenantId, accounts, asOf];
  await writeBookDebtors(owner, tenantId, accounts);
  await owner.query(
    `insert into accounts (tenant_id, id, debtor_id, type, source, external_ref, principal,
       annual_rate, start_date, repayment_method, created_at, created_by)
     select $1::uuid, md5($1::text || ':a:' || i)::uuid, md5($1::text || ':d:' || i)::uuid, 'microloan', 'test',
            'L' || i, 1000, 0, $3::date - 60, 'given', now(), 'test'
     from generate_series(1, $2::int) i`,
    params,
  );
  await owner.query(
    `insert into installments (tenant_id, account_id, seq, due_date, principal, interest)
     select $1::uuid, md5($1::text || ':a:' || i)::uuid, 1, $3::date - ((i % 10) - 2), 1000, 0
     from generate_series(1, $2::int) i`,
    params,
  );
  await owner.query(
    `insert into related_parties (tenant_id, id, debtor_id, account_id, kind, relation,
       party_type, name, phone, created_at, created_by)
     select $1::uuid, md5($1::text || ':g:' || i)::uuid, md5($1::text || ':d:' || i)::uuid,
            md5($1::text || ':a:' || i)::uuid, 'guarantor', '朋友', 'person', '担保人' || i,
            '1390000' || lpad(i::text, 4, '0'), now(), 'test'
     from generate_series(1, $2::int) i`,
    params.slice(0, 2),
  );
}

/** The account whose installment makes it `dpd` days late on `asOf` (see writeMicroloanBook). */
export function accountIdWithDpd(tenantId: string, dpd: number): string {
  return md5Uuid(`${tenantId}:a:${dpd + 2 + 10}`);
}

function md5Uuid(text: string): string {
  const hex = createHash('md5').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Debtor i of a generated book: 客户<i>, one phone; ids md5(tenant:d:i) like the accounts'. */
export async function writeBookDebtors(owner: Client, tenantId: string, debtors: number) {
  await owner.query(
    `insert into debtors (tenant_id, id, kind, name, id_number, phones, created_at, created_by)
     select $1::uuid, md5($1::text || ':d:' || i)::uuid, 'person', '客户' || i, lpad(i::text, 18, '0'),
            array['1380000' || lpad(i::text, 4, '0')], now(), 'test'
     from generate_series(1, $2::int) i`,
    [tenantId, debtors],
  );
}
