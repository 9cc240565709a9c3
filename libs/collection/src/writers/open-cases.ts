import type { EntityManager } from '@mikro-orm/postgresql';
import type { CaseScope } from '../domain/vocabulary';
import { pgList } from './sql-lists';

/**
 * The one rule for opening cases, used by OpenCase (a person), the import merge (an
 * agency's handover batch) and the nightly run (newly overdue accounts):
 *
 * - The caller names the accounts to open for (`source`); the scope decides the shape: one
 *   case per account, or one per debtor covering the debtor's accounts (of `accountTypes`,
 *   all when empty) that no other live case covers.
 * - An account that a live case already covers gets none, and nor does a debtor that has a
 *   live debtor case: that case is the debtor's collection. The partial unique indexes on
 *   live cases stay the guard against a concurrent open, so a second open of the same
 *   accounts opens nothing.
 * - An account whose case was written off or returned (退案) ends for good for the nightly
 *   run (`reopenAfterEnd: false`): the tenant decided to stop, and a machine must not undo
 *   that. A person opening a case, and a client handing the account over again in an import
 *   batch, are exactly the decision to collect again (`reopenAfterEnd: true`) — both opened
 *   such cases before this rule was shared, and users rely on it.
 * - A case opens `open`, unassigned (assignment stays a manager's call, with its SLA), on
 *   the date the caller gives per row (run date, 委案日期, today). Priority, stage, pack
 *   version and overdue reason are what a person chose; the machine paths leave them at 0 /
 *   unset (the engine stages a case and records its pack version on its first evaluation).
 *
 * Set-based: one statement for the whole source (the nightly run sends 2 000 accounts).
 * Audit events stay with the caller, who knows who acted and why.
 */

/**
 * A SELECT yielding the accounts to open for, with `?` parameters: columns
 * `debtor_id uuid, account_id uuid, opened_on date, case_id uuid` (case_id null: a new id).
 */
export interface OpeningSource {
  readonly sql: string;
  readonly params: readonly unknown[];
}

export interface CaseOpening {
  readonly scope: CaseScope;
  readonly source: OpeningSource;
  /** Debtor cases: the account types that join the case; empty or absent: all. */
  readonly accountTypes?: readonly string[];
  /** May an account whose case was written off or returned get a new one? (see above) */
  readonly reopenAfterEnd: boolean;
  readonly priority?: number;
  readonly stage?: string | null;
  readonly packVersion?: string | null;
  readonly overdueReasonCode?: string | null;
  /** The import batch that opened the cases (the engine's caseImported reads it). */
  readonly importId?: string | null;
  readonly now: Date;
}

export interface OpenedCase {
  readonly id: string;
  readonly debtorId: string;
  /** The accounts the case covers, by id. */
  readonly accountIds: string[];
}

/** Accounts listed by the caller (ids from a scan, or one account a person named). */
export function listedAccounts(
  rows: readonly { debtorId: string; accountId: string; caseId?: string | null }[],
  openedOn: string,
): OpeningSource {
  return {
    sql: `select s.debtor_id, s.account_id, ?::date as opened_on, s.case_id
          from unnest(?::uuid[], ?::uuid[], ?::uuid[]) as s(debtor_id, account_id, case_id)`,
    params: [
      openedOn,
      pgList(rows.map((r) => r.debtorId)),
      pgList(rows.map((r) => r.accountId)),
      pgList(rows.map((r) => r.caseId ?? null)),
    ],
  };
}

const COVERED = `select 1 from case_accounts ca
      join cases k on k.tenant_id = ca.tenant_id and k.id = ca.case_id
      where ca.tenant_id = ?::uuid and ca.account_id = %ACCOUNT%`;

/** Stands for the tenant id among the parameters until `openCases` binds it. */
const TENANT = Symbol('tenant');

function statement(o: CaseOpening, list: boolean): [string, unknown[]] {
  const params: unknown[] = [...o.source.params];
  const p = (value: unknown) => (params.push(value), '?');
  const ended = o.reopenAfterEnd ? '' : ` or k.status in ('written-off', 'returned')`;
  const todo = `
    src as (${o.source.sql}),
    todo as (
      select s.debtor_id, s.account_id, s.opened_on, s.case_id from src s
      where not exists (${COVERED.replace('?', p(TENANT)).replace('%ACCOUNT%', 's.account_id')}
                          and (k.closed_on is null${ended}))
        and not exists (
          select 1 from cases k
          where k.tenant_id = ${p(TENANT)}::uuid and k.debtor_id = s.debtor_id
            and k.scope = 'debtor' and k.closed_on is null))`;
  const columns = `tenant_id, id, debtor_id, scope, account_id, status, priority, stage,
      pack_version, overdue_reason_code, opened_on, version, created_at, updated_at, import_id`;
  const fixed = () =>
    `${p(o.priority ?? 0)}::int, ${p(o.stage ?? null)}::text, ${p(o.packVersion ?? null)}::text,
      ${p(o.overdueReasonCode ?? null)}::text, t.opened_on, 1, ${p(o.now)}::timestamptz,
      ${p(o.now)}::timestamptz, ${p(o.importId ?? null)}::uuid`;
  let opened: string;
  let linked: string;
  if (o.scope === 'account') {
    opened = `
    opened as (
      insert into cases (${columns})
      select ${p(TENANT)}::uuid, coalesce(t.case_id, gen_random_uuid()), t.debtor_id,
        'account', t.account_id, 'open', ${fixed()}
      from todo t
      on conflict (tenant_id, account_id) where scope = 'account' and closed_on is null
        do nothing
      returning id, debtor_id, account_id)`;
    linked = `
    linked as (
      insert into case_accounts (tenant_id, case_id, account_id)
      select ${p(TENANT)}::uuid, o.id, o.account_id from opened o
      returning case_id, account_id)`;
  } else {
    opened = `
    opened as (
      insert into cases (${columns})
      select distinct on (t.debtor_id) ${p(TENANT)}::uuid,
        coalesce(t.case_id, gen_random_uuid()), t.debtor_id, 'debtor', null, 'open', ${fixed()}
      from todo t
      order by t.debtor_id, t.account_id
      on conflict (tenant_id, debtor_id) where scope = 'debtor' and closed_on is null
        do nothing
      returning id, debtor_id)`;
    const types = pgList(o.accountTypes ?? []);
    linked = `
    linked as (
      insert into case_accounts (tenant_id, case_id, account_id)
      select ${p(TENANT)}::uuid, o.id, a.id
      from opened o
      join accounts a on a.tenant_id = ${p(TENANT)}::uuid and a.debtor_id = o.debtor_id
      where (cardinality(${p(types)}::text[]) = 0 or a.type = any(${p(types)}::text[]))
        and not exists (${COVERED.replace('?', p(TENANT)).replace('%ACCOUNT%', 'a.id')}
                        and k.closed_on is null)
      returning case_id, account_id)`;
  }
  const result = list
    ? `select coalesce(json_agg(json_build_object('id', o.id, 'debtorId', o.debtor_id,
           'accountIds', coalesce(l.ids, '[]'::json)) order by o.id), '[]'::json) as opened,
         (select count(*) from opened)::int as n
       from opened o
       left join (select case_id, json_agg(account_id order by account_id) as ids
                  from linked group by case_id) l on l.case_id = o.id`
    : `select null::json as opened, (select count(*) from opened)::int as n,
         (select count(*) from linked)::int as linked`;
  const sql = `with ${todo}, ${opened}, ${linked}\n${result}`;
  return [sql, params];
}

/**
 * Opens cases by the one rule above, inside the caller's transaction. Returns the cases
 * opened with their accounts, or only their number when `list` is false (an import batch
 * does not need 50 000 ids back).
 */
export async function openCases(
  em: EntityManager,
  tenantId: string,
  opening: CaseOpening,
  list = true,
): Promise<{ count: number; cases: OpenedCase[] }> {
  const [sql, raw] = statement(opening, list);
  const params = raw.map((v) => (v === TENANT ? tenantId : v));
  const [row] = await em.execute<{ opened: unknown; n: number }[]>(sql, params);
  const json = typeof row.opened === 'string' ? JSON.parse(row.opened) : row.opened;
  const cases = (json ?? []) as OpenedCase[];
  return { count: Number(row.n), cases };
}
