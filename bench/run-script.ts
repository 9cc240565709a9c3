import { Client } from 'pg';

/*
 * The daily run's yardstick: a hand-written, set-based SQL script doing the same
 * recomputation and stage moves over every tenant at once, as the superuser (no RLS, no
 * events, no engine bookkeeping): balances, DPD, aging bucket and loan class per account
 * from installments and payments with oldest-first allocation; a case for every overdue
 * account (or debtor) no live case covers; the stage from the pack's DPD ladder; the stage
 * history; the stage's tasks. What it leaves out, the run does on top: penalty and compound
 * interest, incentives and relief, non-DPD rungs (drive phases, days since assignment,
 * broken promises), engine_actions keys, approvals, notices, flags, ratings, KPI snapshots,
 * the hash-chained audit events and the checkpoints that make it resumable.
 */

export interface ScriptFigures {
  seconds: number;
  steps: Record<string, number>;
  counts: Record<string, number>;
}

interface Rung {
  tenantId: string;
  stage: string;
  rung: number;
  dpdMin: number;
  dpdMax: number | null;
  types: string[] | null;
  tasks: { index: number; kind: string; role: string | null; title: string }[];
}

type Condition = Record<string, unknown>;

const PLATFORM_TASK_KINDS = ['call', 'visit', 'letter', 'contact-guarantor', 'review', 'other'];

/** The DPD interval (and account types) a rung's `when` states, or null for other rungs. */
function dpdRule(
  when: Condition,
): { min: number; max: number | null; types: string[] | null } | null {
  const parts: Condition[] = [];
  const flatten = (c: Condition) => {
    for (const [key, value] of Object.entries(c)) {
      if (key === 'all') (value as Condition[]).forEach(flatten);
      else parts.push({ [key]: value });
    }
  };
  flatten(when);
  let rule: { min: number; max: number | null } | null = null;
  let types: string[] | null = null;
  for (const part of parts) {
    const [key, value] = Object.entries(part)[0] as [string, unknown];
    if (key === 'dpd') rule = interval(value);
    else if (key === 'accountType') types = (value as { in: string[] }).in;
    else if (key === 'any') {
      // A rung reached by DPD or something else: the script takes the DPD branch.
      const branch = (value as Condition[]).find((c) => 'dpd' in c);
      if (!branch) return null;
      rule = interval(branch.dpd);
    } else return null;
  }
  return rule && { ...rule, types };
}

function interval(value: unknown): { min: number; max: number | null } {
  if (typeof value === 'number') return { min: value, max: value };
  if (typeof value === 'string') {
    const [a, b] = value.split('..');
    return { min: Number(a), max: b === undefined ? Number(a) : b === '' ? null : Number(b) };
  }
  const v = value as { min?: number; max?: number };
  return { min: v.min ?? 0, max: v.max ?? null };
}

async function ladders(client: Client): Promise<Rung[]> {
  const { rows } = await client.query<{
    tenant_id: string;
    stages: unknown[];
    kinds: { code: string; base?: string }[] | null;
    roles: { id: string; platformRole?: string }[] | null;
  }>(
    `select tenant_id, resolved->'spec'->'stages' as stages, resolved->'spec'->'taskKinds' as kinds,
       resolved->'spec'->'roles' as roles
     from pack_installations where status = 'active'`,
  );
  const rungs: Rung[] = [];
  for (const row of rows) {
    // The platform's task kind and role for the pack's own, as the engine maps them.
    const base = (kind: string) =>
      PLATFORM_TASK_KINDS.includes(kind)
        ? kind
        : ((row.kinds ?? []).find((k) => k.code === kind)?.base ?? 'other');
    const role = (id: string | undefined) =>
      id ? ((row.roles ?? []).find((r) => r.id === id)?.platformRole ?? id) : null;
    (
      row.stages as { id: string; names?: { zh?: string }; when: Condition; do?: Condition[] }[]
    ).forEach((stage, rung) => {
      const rule = dpdRule(stage.when ?? {});
      if (!rule) return;
      const tasks = (stage.do ?? []).flatMap((action, index) => {
        const task = action.task as { kind: string; role?: string } | undefined;
        return task
          ? [
              {
                index,
                kind: base(task.kind),
                role: role(task.role),
                title: stage.names?.zh ?? stage.id,
              },
            ]
          : [];
      });
      rungs.push({
        tenantId: row.tenant_id,
        stage: stage.id,
        rung,
        dpdMin: rule.min,
        dpdMax: rule.max,
        types: rule.types,
        tasks,
      });
    });
  }
  return rungs;
}

const BALANCES = `
  with inst as (
    select i.tenant_id, i.account_id, i.due_date, i.principal, i.interest,
           sum(i.principal + i.interest) over (partition by i.tenant_id, i.account_id
             order by i.due_date, i.seq) as cum
    from installments i),
  paid as (
    select tenant_id, account_id, sum(amount) as paid from payments
    where paid_on <= $1::date group by tenant_id, account_id),
  alloc as (
    -- Oldest first: what the receipts do not reach stays unpaid, principal last paid.
    select inst.tenant_id, inst.account_id, inst.due_date, inst.principal,
           greatest(0, least(inst.principal + inst.interest, inst.cum - coalesce(p.paid, 0))) as unpaid
    from inst left join paid p on p.tenant_id = inst.tenant_id and p.account_id = inst.account_id),
  acct as (
    select tenant_id, account_id,
      sum(least(principal, unpaid)) filter (where due_date < $1::date) as op,
      sum(unpaid - least(principal, unpaid)) filter (where due_date < $1::date) as oi,
      coalesce(sum(unpaid) filter (where due_date = $1::date), 0) as today,
      sum(least(principal, unpaid)) as outstanding,
      coalesce($1::date - min(due_date) filter (where due_date < $1::date and unpaid > 0), 0) as dpd
    from alloc group by tenant_id, account_id)
  insert into account_balances (tenant_id, account_id, as_of, overdue_principal,
    overdue_interest, due_today, penalty_interest, compound_interest, fees, total_due,
    outstanding_principal, overpayment, dpd, aging_bucket, loan_class, refreshed_at)
  select tenant_id, account_id, $1::date, coalesce(op, 0), coalesce(oi, 0), today, 0, 0, 0,
    coalesce(op, 0) + coalesce(oi, 0) + today, outstanding, 0, dpd,
    case when dpd = 0 then 'M0' when dpd <= 30 then 'M1' when dpd <= 60 then 'M2'
         when dpd <= 90 then 'M3' when dpd <= 120 then 'M4' when dpd <= 150 then 'M5'
         when dpd <= 180 then 'M6' else 'M6+' end,
    case when dpd = 0 then 'pass' when dpd <= 90 then 'special-mention'
         when dpd <= 180 then 'substandard' when dpd <= 360 then 'doubtful' else 'loss' end,
    now()
  from acct
  on conflict (tenant_id, account_id) do update set
    as_of = excluded.as_of, overdue_principal = excluded.overdue_principal,
    overdue_interest = excluded.overdue_interest, due_today = excluded.due_today,
    penalty_interest = excluded.penalty_interest, compound_interest = excluded.compound_interest,
    fees = excluded.fees, total_due = excluded.total_due,
    outstanding_principal = excluded.outstanding_principal, overpayment = excluded.overpayment,
    dpd = excluded.dpd, aging_bucket = excluded.aging_bucket, loan_class = excluded.loan_class,
    refreshed_at = excluded.refreshed_at
  where account_balances.as_of <= excluded.as_of`;

/** The tenants' pack facts: scope and account types. */
const PACKS = `
  create temp table script_packs as
  select tenant_id, pack_id, version,
    case when resolved->'spec'->>'caseScope' = 'per-debtor' then 'debtor' else 'account' end as scope,
    array(select jsonb_array_elements_text(coalesce(resolved->'spec'->'accountTypes', '[]'))) as types
  from pack_installations where status = 'active'`;

const CANDIDATES = `
  select b.tenant_id, b.account_id, a.debtor_id, p.scope
  from account_balances b
  join accounts a on a.tenant_id = b.tenant_id and a.id = b.account_id
  join script_packs p on p.tenant_id = b.tenant_id
  where b.as_of = $1::date and b.dpd > 0
    and (cardinality(p.types) = 0 or a.type = any(p.types))
    and not exists (
      select 1 from case_accounts ca join cases k on k.tenant_id = ca.tenant_id and k.id = ca.case_id
      where ca.tenant_id = b.tenant_id and ca.account_id = b.account_id
        and (k.closed_on is null or k.status in ('written-off', 'returned')))`;

const OPEN_CASES = `
  create temp table script_opened as
  with todo as (${CANDIDATES}),
  per_account as (
    insert into cases (tenant_id, id, debtor_id, scope, account_id, status, priority, opened_on,
      version, created_at, updated_at)
    select tenant_id, gen_random_uuid(), debtor_id, 'account', account_id, 'open', 0, $1::date,
      1, now(), now()
    from todo where scope = 'account'
    on conflict (tenant_id, account_id) where scope = 'account' and closed_on is null do nothing
    returning tenant_id, id, account_id, debtor_id),
  per_debtor as (
    insert into cases (tenant_id, id, debtor_id, scope, account_id, status, priority, opened_on,
      version, created_at, updated_at)
    select distinct on (tenant_id, debtor_id) tenant_id, gen_random_uuid(), debtor_id, 'debtor',
      null::uuid, 'open', 0, $1::date, 1, now(), now()
    from todo where scope = 'debtor' order by tenant_id, debtor_id
    on conflict (tenant_id, debtor_id) where scope = 'debtor' and closed_on is null do nothing
    returning tenant_id, id, debtor_id)
  select tenant_id, id, account_id, debtor_id, 'account' as scope from per_account
  union all select tenant_id, id, null::uuid, debtor_id, 'debtor' from per_debtor`;

const LINK_CASES = `
  insert into case_accounts (tenant_id, case_id, account_id)
  select o.tenant_id, o.id, o.account_id from script_opened o where o.scope = 'account'
  union all
  select o.tenant_id, o.id, a.id from script_opened o
  join script_packs p on p.tenant_id = o.tenant_id
  join accounts a on a.tenant_id = o.tenant_id and a.debtor_id = o.debtor_id
  where o.scope = 'debtor' and (cardinality(p.types) = 0 or a.type = any(p.types))`;

/** Each open case's rung: the last one in list order whose DPD interval and types hold. */
const STAGES = `
  create temp table script_moves as
  with facts as (
    select c.tenant_id, c.id as case_id, c.stage as from_stage, max(b.dpd) as dpd,
           array_agg(distinct a.type) as types
    from cases c
    join case_accounts ca on ca.tenant_id = c.tenant_id and ca.case_id = c.id
    join accounts a on a.tenant_id = ca.tenant_id and a.id = ca.account_id
    join account_balances b on b.tenant_id = ca.tenant_id and b.account_id = ca.account_id
    where c.closed_on is null and c.opened_on <= $1::date
      and c.tenant_id in (select tenant_id from script_rungs)
    group by c.tenant_id, c.id, c.stage),
  placed as (
    select f.*, (select r.stage from script_rungs r
                 where r.tenant_id = f.tenant_id and f.dpd > 0 and f.dpd >= r.dpd_min
                   and (r.dpd_max is null or f.dpd <= r.dpd_max)
                   and (r.types is null or r.types && f.types)
                 order by r.rung desc limit 1) as to_stage
    from facts f)
  select p.*, (select rung from script_rungs r where r.tenant_id = p.tenant_id and r.stage = p.to_stage) as to_rung,
         (select rung from script_rungs r where r.tenant_id = p.tenant_id and r.stage = p.from_stage) as from_rung
  from placed p where p.to_stage is distinct from p.from_stage`;

const MOVE_CASES = `
  update cases c set stage = m.to_stage, version = c.version + 1, updated_at = now()
  from script_moves m where c.tenant_id = m.tenant_id and c.id = m.case_id`;

const HISTORY = `
  insert into case_stage_history (tenant_id, id, case_id, from_stage, to_stage, as_of, pack_id,
    pack_version, effective_dpd, reason, recorded_at)
  select m.tenant_id, gen_random_uuid(), m.case_id, m.from_stage, m.to_stage, $1::date,
    p.pack_id, p.version, m.dpd,
    case when m.to_stage is null then 'cleared'
         when m.from_stage is null then case when m.to_rung > 0 then 'caught-up' else 'entered' end
         when m.to_rung > m.from_rung then 'escalated' else 'de-escalated' end,
    now()
  from script_moves m join script_packs p on p.tenant_id = m.tenant_id`;

const TASKS = `
  insert into tasks (tenant_id, id, case_id, kind, title, due_at, sla_due_at, status,
    assignee_id, priority, idempotency_key, created_by, created_at, role)
  select m.tenant_id, gen_random_uuid(), m.case_id, t.kind, t.title,
    ($1::date + time '09:00') at time zone 'Asia/Shanghai', null, 'open', null, 0,
    'sql:' || m.case_id || ':' || m.to_stage || ':' || t.idx || ':' || $1::date,
    'bench:sql', now(), t.role
  from script_moves m
  join script_tasks t on t.tenant_id = m.tenant_id and t.stage = m.to_stage
  on conflict (tenant_id, idempotency_key) do nothing`;

export async function runSqlScript(url: string, runDate: string): Promise<ScriptFigures> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const steps: Record<string, number> = {};
  const counts: Record<string, number> = {};
  const step = async (name: string, sql: string, params: unknown[] = [runDate]) => {
    const started = performance.now();
    const result = await client.query(sql, params);
    steps[name] = +((performance.now() - started) / 1000).toFixed(2);
    if (result.rowCount !== null) counts[name] = result.rowCount;
  };
  try {
    const rungs = await ladders(client);
    const started = performance.now();
    await client.query('begin');
    await client.query('set local jit = off');
    await client.query(PACKS);
    await client.query(
      `create temp table script_rungs as
       select * from jsonb_to_recordset($1::jsonb) as r(tenant_id uuid, stage text, rung int,
         dpd_min int, dpd_max int, types text[])`,
      [
        JSON.stringify(
          rungs.map((r) => ({
            tenant_id: r.tenantId,
            stage: r.stage,
            rung: r.rung,
            dpd_min: r.dpdMin,
            dpd_max: r.dpdMax,
            types: r.types,
          })),
        ),
      ],
    );
    await client.query(
      `create temp table script_tasks as
       select * from jsonb_to_recordset($1::jsonb) as t(tenant_id uuid, stage text, idx int,
         kind text, role text, title text)`,
      [
        JSON.stringify(
          rungs.flatMap((r) =>
            r.tasks.map((t) => ({ tenant_id: r.tenantId, stage: r.stage, idx: t.index, ...t })),
          ),
        ),
      ],
    );
    await step('balances', BALANCES);
    await step('openCases', OPEN_CASES);
    await step('linkCases', LINK_CASES, []);
    await step('stages', STAGES);
    await step('moveCases', MOVE_CASES, []);
    await step('history', HISTORY);
    await step('tasks', TASKS);
    await step('commit', 'commit', []);
    return { seconds: +((performance.now() - started) / 1000).toFixed(2), steps, counts };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
