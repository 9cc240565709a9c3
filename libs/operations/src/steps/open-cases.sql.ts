/**
 * Candidates: the next range of accounts (by id) overdue on the run's date, of the pack's
 * account types, that no live case covers and that no written-off or returned (退案) case
 * ended for good. Named parameters are bound by `bindNamed` in open-cases.step.ts.
 */
const CANDIDATES = `
  cand as (
    select b.account_id, a.debtor_id
    from account_balances b
    join accounts a on a.tenant_id = b.tenant_id and a.id = b.account_id
    where b.tenant_id = :tenant and (:after::uuid is null or b.account_id > :after::uuid)
      and b.as_of = :asOf::date and b.dpd > 0
      and (cardinality(:types::text[]) = 0 or a.type = any(:types::text[]))
    order by b.account_id
    limit :limit),
  todo as (
    select c.account_id, c.debtor_id from cand c
    where not exists (
      select 1 from case_accounts ca
      join cases k on k.tenant_id = ca.tenant_id and k.id = ca.case_id
      where ca.tenant_id = :tenant and ca.account_id = c.account_id
        and (k.closed_on is null or k.status in ('written-off', 'returned'))))`;

const RESULT = `
  select (select max(account_id::text) from cand) as last,
         (select count(*) from cand)::int as scanned,
         coalesce((select json_agg(json_build_object('id', o.id, 'debtorId', o.debtor_id,
             'accountIds', (select coalesce(json_agg(l.account_id order by l.account_id), '[]')
                            from linked l where l.case_id = o.id)) order by o.id)
           from opened o), '[]') as opened`;

/** 篇六/篇八: one case per overdue account (microloan, card accounts). */
export const OPEN_ACCOUNT_CASES = `
  with ${CANDIDATES},
  opened as (
    insert into cases (tenant_id, id, debtor_id, scope, account_id, status, priority,
      opened_on, version, created_at, updated_at)
    select :tenant, gen_random_uuid(), t.debtor_id, 'account', t.account_id, 'open', 0,
      :asOf::date, 1, :now, :now
    from todo t
    on conflict (tenant_id, account_id) where scope = 'account' and closed_on is null
      do nothing
    returning id, debtor_id, account_id),
  linked as (
    insert into case_accounts (tenant_id, case_id, account_id)
    select :tenant, o.id, o.account_id from opened o
    returning case_id, account_id)
  ${RESULT}`;

/**
 * One case per overdue debtor (leasing dealers, students, co-op borrowers, fund borrowers),
 * covering the debtor's accounts of the pack's types that no other live case covers. A
 * debtor with a live debtor case gets none (the partial unique index is the guard).
 */
export const OPEN_DEBTOR_CASES = `
  with ${CANDIDATES},
  opened as (
    insert into cases (tenant_id, id, debtor_id, scope, account_id, status, priority,
      opened_on, version, created_at, updated_at)
    select distinct on (t.debtor_id) :tenant, gen_random_uuid(), t.debtor_id, 'debtor', null,
      'open', 0, :asOf::date, 1, :now, :now
    from todo t
    order by t.debtor_id
    on conflict (tenant_id, debtor_id) where scope = 'debtor' and closed_on is null
      do nothing
    returning id, debtor_id),
  linked as (
    insert into case_accounts (tenant_id, case_id, account_id)
    select :tenant, o.id, a.id
    from opened o
    join accounts a on a.tenant_id = :tenant and a.debtor_id = o.debtor_id
    where (cardinality(:types::text[]) = 0 or a.type = any(:types::text[]))
      and not exists (
        select 1 from case_accounts ca
        join cases k on k.tenant_id = ca.tenant_id and k.id = ca.case_id
        where ca.tenant_id = :tenant and ca.account_id = a.id and k.closed_on is null)
    returning case_id, account_id)
  ${RESULT}`;
