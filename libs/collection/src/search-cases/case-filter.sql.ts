import { ValidationFailedError } from '@qingshou/core';
import { parseMoney } from '@qingshou/ledger';
import { CASE_STATUSES } from '../domain/vocabulary';
import { type CaseFilters, LOAN_CLASSES } from './search-cases.query';

/** SQL conditions on alias `c` (cases), `d` (debtors), `bal` (CASE_BALANCE_JOIN), `acc`. */
export interface SqlConditions {
  readonly where: string[];
  readonly params: unknown[];
}

/** The worst 五级分类 of the case's accounts, as a rank 1 (正常) … 5 (损失). */
export const LOAN_RANK_SQL = `array_position(array['${LOAN_CLASSES.join("','")}']::text[], ab.loan_class)`;

/** A case's accounts: their refs and their worst 五级分类 (alias `acc`). */
export const CASE_ACCOUNTS_JOIN = `
  left join lateral (
    select array_agg(a.external_ref order by a.external_ref) as refs,
           max(${LOAN_RANK_SQL}) as loan_rank
    from case_accounts ca
    join accounts a on a.tenant_id = ca.tenant_id and a.id = ca.account_id
    left join account_balances ab on ab.tenant_id = ca.tenant_id and ab.account_id = ca.account_id
    where ca.tenant_id = c.tenant_id and ca.case_id = c.id
  ) acc on true`;

/** The earliest open task (alias `nt`): the case's next action. */
export const NEXT_TASK_JOIN = `
  left join lateral (
    select min(t.due_at) as next_due_at from tasks t
    where t.tenant_id = c.tenant_id and t.case_id = c.id and t.status = 'open'
  ) nt on true`;

/** Live flags on the debtor or on one of the case's accounts. */
const FLAG_ON_CASE = `f.tenant_id = c.tenant_id and f.cleared_on is null
  and ((f.subject = 'debtor' and f.subject_id = c.debtor_id)
    or (f.subject = 'account' and f.subject_id in (
          select ca.account_id from case_accounts ca
          where ca.tenant_id = c.tenant_id and ca.case_id = c.id)))`;

export const CASE_FLAGS_SQL = `array(
    select distinct f.flag from pack_flags f where ${FLAG_ON_CASE}
    union select 'blacklist' from blacklist b
    where b.tenant_id = c.tenant_id and b.debtor_id = c.debtor_id
    order by 1)`;

export const CASE_GROUPS_SQL = `coalesce((
    select json_agg(json_build_object('id', g.id, 'type', g.type, 'name', g.name)
                    order by g.type, g.name)
    from debtor_group_members m
    join debtor_groups g on g.tenant_id = m.tenant_id and g.id = m.group_id
    where m.tenant_id = c.tenant_id and m.debtor_id = c.debtor_id), '[]'::json)`;

function amountFilter(value: string, path: string): string {
  try {
    return parseMoney(value).toFixed(2);
  } catch (error) {
    throw new ValidationFailedError(`${path} is not an amount`, [
      { path, reason: (error as Error).message },
    ]);
  }
}

const likeText = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A digits-only string this long is a card number: it matches whole, never in part. */
const CARD_LIKE = /^\d{5,}$/;

/**
 * The search box (see CaseFilters.q for which fields match whole and which in part) as a
 * set of candidate case ids, each field looked up by its own index (trigram GIN for the
 * name and the contract number in part, GIN for the phone array, btree for the rest,
 * migration 42): the union is small and is built before visibility and the page's joins,
 * instead of testing every visible case against every field.
 */
function searchCondition(tenantId: string, raw: string): { sql: string; params: unknown[] } {
  const q = raw.trim();
  const compact = q.replace(/[\s-]/g, '');
  const idNumber = compact.toUpperCase();
  const partRef = q.length >= 2 && !CARD_LIKE.test(compact);
  const refInPart = partRef ? ` union select search_account_ids(?)` : '';
  return {
    // Each branch's ids are gathered into an array first, so the cases are reached by
    // index (cases_debtor, case_accounts_account) whatever the planner guesses of the match;
    // the `ilike`/`@>` lookups go through migration 42's functions, since under RLS an
    // operator that is not leakproof may not use an index.
    sql: `c.id in (
       select sc.id from cases sc
       where sc.tenant_id = ? and sc.debtor_id = any(array(
         select search_debtor_ids(?, ?)
         union
         select sd.id from debtors sd where sd.tenant_id = ? and sd.id_number = ?
         union
         select rp.debtor_id from related_parties rp
         where rp.tenant_id = ? and (rp.phone = ? or rp.id_number = ?)))
       union
       select ca.case_id from case_accounts ca
       where ca.tenant_id = ? and ca.account_id = any(array(
         select a.id from accounts a
         where a.tenant_id = ? and (a.external_ref = ? or a.external_ref = ?)${refInPart})))`,
    params: [
      tenantId,
      likeText(q),
      compact,
      tenantId,
      idNumber,
      tenantId,
      compact,
      idNumber,
      tenantId,
      tenantId,
      q,
      compact,
      ...(partRef ? [likeText(q)] : []),
    ],
  };
}

/** Filters shared by the case pool and a debtor's cases (visibility is added by the caller). */
export function caseFilterSql(tenantId: string, filters: CaseFilters): SqlConditions {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    where.push(sql);
    params.push(...values);
  };
  if (filters.status?.length) {
    const bad = filters.status.find((s) => !(CASE_STATUSES as readonly string[]).includes(s));
    if (bad)
      throw new ValidationFailedError('bad status', [
        { path: 'status', reason: `unknown status ${bad}` },
      ]);
    add(`c.status in (select jsonb_array_elements_text(?::jsonb))`, JSON.stringify(filters.status));
  }
  if (filters.stage) add('c.stage = ?', filters.stage);
  if (filters.dpdMin !== undefined) add('bal.dpd >= ?', filters.dpdMin);
  if (filters.dpdMax !== undefined) add('bal.dpd <= ?', filters.dpdMax);
  if (filters.assigneeId) add('c.assignee_id = ?', filters.assigneeId);
  if (filters.teamId) add('c.team_id = ?', filters.teamId);
  if (filters.debtorId) add('c.debtor_id = ?', filters.debtorId);
  if (filters.caseIds) {
    if (!filters.caseIds.every((id) => UUID.test(id)))
      throw new ValidationFailedError('bad caseIds', [
        { path: 'caseIds', reason: 'not a case id' },
      ]);
    add(
      `c.id in (select jsonb_array_elements_text(?::jsonb)::uuid)`,
      JSON.stringify(filters.caseIds),
    );
  }
  if (filters.groupId || filters.groupType) {
    add(
      `exists (select 1 from debtor_group_members m
               join debtor_groups g on g.tenant_id = m.tenant_id and g.id = m.group_id
               where m.tenant_id = c.tenant_id and m.debtor_id = c.debtor_id
                 and (?::uuid is null or g.id = ?::uuid) and (?::text is null or g.type = ?))`,
      filters.groupId ?? null,
      filters.groupId ?? null,
      filters.groupType ?? null,
      filters.groupType ?? null,
    );
  }
  if (filters.amountMin)
    add('bal.amount_due >= ?::numeric', amountFilter(filters.amountMin, 'amountMin'));
  if (filters.amountMax)
    add('bal.amount_due <= ?::numeric', amountFilter(filters.amountMax, 'amountMax'));
  if (filters.loanClass) {
    const rank = LOAN_CLASSES.indexOf(filters.loanClass) + 1;
    if (rank === 0)
      throw new ValidationFailedError('bad loanClass', [
        { path: 'loanClass', reason: `unknown class ${filters.loanClass}` },
      ]);
    add(
      `(select max(${LOAN_RANK_SQL}) from case_accounts ca
        join account_balances ab on ab.tenant_id = ca.tenant_id and ab.account_id = ca.account_id
        where ca.tenant_id = c.tenant_id and ca.case_id = c.id) = ?`,
      rank,
    );
  }
  if (filters.flag === 'blacklist') {
    add(
      `exists (select 1 from blacklist b where b.tenant_id = c.tenant_id and b.debtor_id = c.debtor_id)`,
    );
  } else if (filters.flag) {
    add(`exists (select 1 from pack_flags f where ${FLAG_ON_CASE} and f.flag = ?)`, filters.flag);
  }
  if (filters.attrKey) {
    add(
      `exists (select 1 from attribute_values av
               where av.tenant_id = c.tenant_id and av.key = ? and (?::text is null or av.value = ?)
                 and ((av.subject = 'case' and av.subject_id = c.id)
                   or (av.subject = 'debtor' and av.subject_id = c.debtor_id)
                   or (av.subject = 'account' and av.subject_id in (
                         select ca.account_id from case_accounts ca
                         where ca.tenant_id = c.tenant_id and ca.case_id = c.id))))`,
      filters.attrKey,
      filters.attrValue ?? null,
      filters.attrValue ?? null,
    );
  }
  if (filters.dueBefore) {
    // "Due on or before the day" in the tenant's zone: before the next local midnight.
    add(
      `exists (select 1 from tasks t
               where t.tenant_id = c.tenant_id and t.case_id = c.id and t.status = 'open'
                 and t.due_at < ((?::date + 1)::timestamp at time zone
                       (select time_zone from tenants tz where tz.id = c.tenant_id)))`,
      filters.dueBefore,
    );
  }
  if (filters.q?.trim()) {
    const search = searchCondition(tenantId, filters.q);
    add(search.sql, ...search.params);
  }
  return { where, params };
}
