import { syncContactPoints } from '@qingshou/ledger';
import { ACCOUNT_STAGE as S } from '../staging/stage-tables';
import { affected, MergeContext, MergeResult, query, reject } from './merge-context';
import { mergeGroupsAndParties, StageShape } from './merge-related';

// Named parameters (:tenant, :source, …) are bound by merge-context.ts `query`. Every
// statement is set-based over the chunk's stage; the order matters: resolve, refuse, write.
// Inserts carry no ON CONFLICT: the rows were resolved just before, so a conflict means a
// concurrent import of the same debtor or account; the chunk then fails whole and the job's
// retry resolves them as existing.

// Lookups into the big tables are LATERAL with LIMIT 1 (which keeps the planner from
// flattening them into a join): one unique-index probe per stage row, whatever the planner
// believes. During a bulk load the tables' statistics lag far behind (autovacuum analyzes
// later), and a plain join then degrades to a nested loop that rescans every row imported
// so far for each stage row.
const RESOLVE_ACCOUNTS = `
  -- resolve existing accounts
  with found as (
    select s.row_no, a.id
    from ${S} s
    cross join lateral (
      select a.id from accounts a
      where a.tenant_id = :tenant and a.source = :source and a.external_ref = s.external_ref limit 1) a)
  update ${S} s set account_id = f.id, account_existed = true
  from found f where f.row_no = s.row_no`;

// A reference already used for another debtor or another principal is not overwritten: the
// row is refused, as RecordPayment refuses a repeat that disagrees.
const TAKEN_ACCOUNTS = `
  -- refuse references taken by other data
  select s.row_no, s.external_ref as value
  from ${S} s
  cross join lateral (
    select d.id_number, a.principal
    from accounts a join debtors d on d.tenant_id = a.tenant_id and d.id = a.debtor_id
    where a.tenant_id = :tenant and a.id = s.account_id limit 1) a
  where s.account_existed and (a.id_number <> s.id_number or a.principal <> s.principal)`;

const RESOLVE_DEBTORS = `
  -- resolve existing debtors
  with found as (
    select s.row_no, d.id
    from ${S} s
    cross join lateral (
      select d.id from debtors d where d.tenant_id = :tenant and d.id_number = s.id_number limit 1) d)
  update ${S} s set debtor_id = f.id, debtor_existed = true
  from found f where f.row_no = s.row_no`;

// The chunk's first row of each new debtor creates it (debtor_first, set in Node).
const INSERT_DEBTORS = `
  -- insert debtors
  insert into debtors (tenant_id, id, kind, name, id_number, phones, address, created_at, created_by)
  select :tenant, s.debtor_id, s.debtor_kind, s.debtor_name, s.id_number,
    case when s.phone is null then '{}'::text[] else array[s.phone] end, s.address, :now, :actor
  from ${S} s
  where not s.debtor_existed and s.debtor_first`;

// After refused rows left the stage, a debtor whose first row was among them gets another.
const PROMOTE_FIRST_ROWS = `
  -- promote first rows of refused debtors
  update ${S} s set debtor_first = true
  where s.row_no in (
    select min(row_no) from ${S} group by id_number having not bool_or(debtor_first))`;

// A phone the office did not have yet is added to a debtor that already existed.
const ADD_PHONES = `
  -- add phones to existing debtors
  with wanted as (
    select s.debtor_id, array_agg(distinct s.phone) as phones
    from ${S} s where s.debtor_existed and s.phone is not null group by s.debtor_id),
  missing as (
    select w.debtor_id, w.phones
    from wanted w
    cross join lateral (
      select d.phones as have from debtors d where d.tenant_id = :tenant and d.id = w.debtor_id limit 1) d
    where not (w.phones <@ d.have))
  update debtors d set phones = array(select distinct unnest(d.phones || m.phones))
  from missing m
  where d.tenant_id = :tenant and d.id = m.debtor_id`;

const INSERT_ACCOUNTS = `
  -- insert accounts
  insert into accounts (tenant_id, id, debtor_id, type, source, external_ref, principal,
    annual_rate, day_count_basis, penalty_markup, compound_enabled, own_terms, start_date,
    repayment_method, schedule_params, created_at, created_by)
  select :tenant, s.account_id, s.debtor_id, s.account_type, :source, s.external_ref, s.principal,
    s.annual_rate, s.day_count_basis, s.penalty_markup, s.compound_enabled,
    -- COPY carries an empty array as NULL
    coalesce(s.own_terms, '{}'), s.start_date,
    s.repayment_method, s.schedule_params, :now, :actor
  from ${S} s
  where not s.account_existed and not s.account_repeat`;

const INSERT_INSTALLMENTS = `
  -- insert installments
  insert into installments (tenant_id, account_id, seq, due_date, principal, interest)
  select :tenant, s.account_id, u.seq::int, u.due_date, u.principal, u.interest
  from ${S} s
  cross join lateral unnest(s.due_dates, s.inst_principal, s.inst_interest)
    with ordinality as u(due_date, principal, interest, seq)
  where not s.account_existed and not s.account_repeat`;

// Receipts the file implies (已收金额, repaid balance, paid installments) come with the
// account that owns them, keyed `<ref>#opening` / `<ref>#paid-<seq>` so they are written once.
const INSERT_RECEIPTS = `
  -- insert implied receipts
  insert into payments (tenant_id, id, account_id, source, external_ref, paid_on, amount, note,
    recorded_by, recorded_at)
  select :tenant, r.id, s.account_id, :source, r.ref, r.paid_on, r.amount, '导入前已收', :actor, :now
  from ${S} s
  cross join lateral unnest(s.receipt_ids, s.receipt_refs, s.receipt_dates, s.receipt_amounts)
    as r(id, ref, paid_on, amount)
  where not s.account_existed and not s.account_repeat
  on conflict do nothing`;

// One scan for what the optional steps need to know; most files skip most of them.
const SHAPE = `
  -- stage shape
  select count(*)::int as staged,
    coalesce(bool_or(cardinality(receipt_ids) > 0), false) as receipts,
    coalesce(bool_or(cardinality(group_types) > 0), false) as groups,
    coalesce(bool_or(guarantor_name is not null or co_borrower_name is not null), false) as parties
  from ${S}`;

/**
 * Debtors, accounts, schedules and implied receipts of one chunk. Re-importing the same
 * rows finds every debtor and account already there and writes nothing.
 */
export async function mergeAccounts(ctx: MergeContext): Promise<MergeResult> {
  await affected(ctx, RESOLVE_ACCOUNTS);
  const taken = (await query<Refused>(ctx, TAKEN_ACCOUNTS)).rows;
  const rejected = await reject(
    ctx,
    S,
    taken,
    'externalRef',
    'reference already imported for another debtor or amount; row not applied',
    '该编号已导入过，但借款人或金额不同，本行未导入',
  );
  if (rejected.length > 0) await affected(ctx, PROMOTE_FIRST_ROWS);
  const existingDebtors = await affected(ctx, RESOLVE_DEBTORS);
  const debtorsCreated = await affected(ctx, INSERT_DEBTORS);
  if (existingDebtors > 0) await affected(ctx, ADD_PHONES);
  const accountsCreated = await affected(ctx, INSERT_ACCOUNTS);
  const installmentsCreated = await affected(ctx, INSERT_INSTALLMENTS);
  // Most files imply no receipts; skipping the scan saves a pass over the chunk.
  const shape = (await query<StageShape>(ctx, SHAPE)).rows[0];
  const paymentsCreated = shape.receipts ? await affected(ctx, INSERT_RECEIPTS) : 0;
  const related = await mergeGroupsAndParties(ctx, shape);
  // The contact panel's rows (导入, 有效) for the chunk's new phones, addresses and parties,
  // through the ledger's writer (the ledger owns debtor_contact_points).
  await syncContactPoints(
    ctx.em,
    ctx.tenantId,
    { sql: `select s.debtor_id from ${S} s where s.debtor_id is not null`, params: [] },
    { source: 'import', actor: ctx.actorId, now: ctx.now },
  );
  return {
    counts: {
      debtorsCreated,
      accountsCreated,
      accountsExisting: shape.staged - accountsCreated,
      installmentsCreated,
      paymentsCreated,
      ...related,
    },
    rejected,
  };
}

interface Refused {
  row_no: number;
  value: string;
}
