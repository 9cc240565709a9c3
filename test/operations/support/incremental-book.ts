import type { Client } from 'pg';
import { writeBookDebtors } from './portfolio';

/**
 * A small microloan book for the incremental-vs-full comparison, written as an import would
 * leave it. Account i (external ref L<i>) owes three monthly installments of 1,000.00 +
 * 10.00 at 12 %, the first due (i·7 mod 50) − 20 days from `firstDay`, so accounts fall due
 * all through the month; two in three (i mod 3 ≠ 1) pay each installment on its due date
 * (those before `firstDay` are written here, later ones by `payDueToday`).
 */
export async function writeIncrementalBook(
  owner: Client,
  tenantId: string,
  firstDay: string,
  accounts: number,
): Promise<void> {
  const params = [tenantId, accounts, firstDay];
  await writeBookDebtors(owner, tenantId, accounts);
  await owner.query(
    `insert into accounts (tenant_id, id, debtor_id, type, source, external_ref, principal,
       annual_rate, start_date, repayment_method, created_at, created_by)
     select $1::uuid, md5($1::text || ':a:' || i)::uuid, md5($1::text || ':d:' || i)::uuid,
            'microloan', 'test', 'L' || lpad(i::text, 3, '0'), 3000, 0.12, $3::date - 90, 'given',
            now(), 'test'
     from generate_series(1, $2::int) i`,
    params,
  );
  await owner.query(
    `insert into installments (tenant_id, account_id, seq, due_date, principal, interest)
     select $1::uuid, md5($1::text || ':a:' || i)::uuid, k,
            $3::date + ((i * 7) % 50) - 20 + 30 * (k - 1), 1000, 10
     from generate_series(1, $2::int) i, generate_series(1, 3) k`,
    params,
  );
  await owner.query(
    `insert into payments (tenant_id, id, account_id, source, external_ref, paid_on, amount,
       recorded_by, recorded_at)
     select i.tenant_id, md5(i.account_id::text || ':p:' || i.seq)::uuid, i.account_id, 'test',
            'P-' || i.account_id || '-' || i.seq, i.due_date, 1010, 'test', i.due_date + time '10:00'
     from installments i join accounts a on a.tenant_id = i.tenant_id and a.id = i.account_id
     where i.tenant_id = $1 and i.due_date < $2::date
       and substr(a.external_ref, 2)::int % 3 <> 1`,
    [tenantId, firstDay],
  );
}

/** The payers' receipts for installments due on `day`, recorded at `recordedAt`. */
export async function payDueToday(
  owner: Client,
  tenantId: string,
  day: string,
  recordedAt: string,
): Promise<number> {
  const { rowCount } = await owner.query(
    `insert into payments (tenant_id, id, account_id, source, external_ref, paid_on, amount,
       recorded_by, recorded_at)
     select i.tenant_id, md5(i.account_id::text || ':p:' || i.seq)::uuid, i.account_id, 'test',
            'P-' || i.account_id || '-' || i.seq, i.due_date, 1010, 'test', $3::timestamptz
     from installments i join accounts a on a.tenant_id = i.tenant_id and a.id = i.account_id
     where i.tenant_id = $1 and i.due_date = $2::date
       and substr(a.external_ref, 2)::int % 3 <> 1`,
    [tenantId, day, recordedAt],
  );
  return rowCount ?? 0;
}

/**
 * What the run leaves for a tenant, keyed by account external refs (never ids, which differ
 * between tenants): balances, cases, stage history, tasks, notices, approvals, KPI rows.
 */
export async function runState(owner: Client, tenantId: string): Promise<Record<string, string[]>> {
  const ref = (alias: string) =>
    `(select min(a.external_ref) from case_accounts ca join accounts a
        on a.tenant_id = ca.tenant_id and a.id = ca.account_id
      where ca.tenant_id = ${alias}.tenant_id and ca.case_id = ${alias}.case_id)`;
  const queries: Record<string, string> = {
    balances: `select a.external_ref, b.overdue_principal, b.overdue_interest, b.due_today,
        b.penalty_interest, b.compound_interest, b.fees, b.total_due, b.outstanding_principal,
        b.overpayment, b.dpd, b.aging_bucket, b.loan_class
      from account_balances b join accounts a on a.tenant_id = b.tenant_id and a.id = b.account_id
      where b.tenant_id = $1`,
    cases: `select ${ref('x')}, x.status, x.stage, x.opened_on, x.closed_on, x.paused_until
      from (select c.*, c.id as case_id from cases c where c.tenant_id = $1) x`,
    history: `select ${ref('h')}, h.from_stage, h.to_stage, h.as_of, h.effective_dpd, h.reason
      from case_stage_history h where h.tenant_id = $1`,
    tasks: `select ${ref('t')}, t.kind, t.title, t.status, t.due_at, t.sla_due_at, t.role
      from tasks t where t.tenant_id = $1`,
    notices: `select ${ref('n')}, n.template_id, n.status, n.channel, n.deadline
      from notices n where n.tenant_id = $1`,
    approvals: `select ${ref('p')}, p.kind, p.status, p.approver_role
      from approvals p where p.tenant_id = $1`,
    kpis: `select k.metric, k.group_type, k.args_key, k.as_of, k.value, k.numerator, k.denominator
      from kpi_snapshots k where k.tenant_id = $1`,
  };
  const out: Record<string, string[]> = {};
  for (const [name, sql] of Object.entries(queries)) {
    const { rows } = await owner.query<Record<string, unknown>>(sql, [tenantId]);
    out[name] = rows.map((r) => JSON.stringify(Object.values(r))).sort();
  }
  return out;
}
