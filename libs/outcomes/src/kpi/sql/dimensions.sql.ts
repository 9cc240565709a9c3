/**
 * The breakdown of a metric: CTEs `dim(unit_key, group_id)` mapping each unit to the groups
 * it counts in, and `labels(group_id, code, name)` naming every group to report — for a
 * group type, every group of that type, so a village with nothing to measure still shows
 * (with no value).
 *
 * - tenant: one group, the tenant.
 * - collector / team: the case's assignee (or the assignee's team) at the end of the as-of
 *   day, from case_assignments — a reassignment later does not move past results. A unit
 *   finds its case directly, through case_accounts (accounts), or by debtor.
 * - batch (委托批次, 篇八): the import that opened the unit's case (cases.import_id), named by
 *   its file — the agency reports recovery per batch the bank handed over.
 * - step (篇八's 录入/分配/开始催收/外访 each with its own 时限): a task's step, the title its
 *   rule gave it; only units that are tasks (slaCompliance) have one. Steps are not rows
 *   anywhere, so the group id is derived from the title.
 * - any other name: a debtor group type of the pack (village, school, cohort, branch…).
 */
export const BREAKDOWN_KINDS = ['tenant', 'collector', 'team', 'batch', 'step'] as const;

// An account or debtor has had several cases over time (closed, then a new one when it fell
// behind again): its unit counts once, in the case open on the date, else the latest closed
// one — counting it in every case credited a debtor to each collector who ever held it.
const UNIT_CASES = `
  unit_case as (
    select u.unit_key, u.case_id from units u where u.case_id is not null
    union (
    select distinct on (x.unit_key) x.unit_key, x.case_id from (
      select u.unit_key, c.id as case_id, c.opened_on, c.closed_on from units u
      join case_accounts ca on ca.account_id = u.account_id
      join cases c on c.tenant_id = ca.tenant_id and c.id = ca.case_id
      cross join k
      where u.case_id is null and u.account_id is not null and ca.tenant_id = k.tenant_id
      union all
      select u.unit_key, c.id, c.opened_on, c.closed_on from units u
      join cases c on c.debtor_id = u.debtor_id
      cross join k
      where u.case_id is null and u.account_id is null and c.tenant_id = k.tenant_id
    ) x cross join k
    where x.opened_on <= k.as_of
    order by x.unit_key, (x.closed_on is null or x.closed_on > k.as_of) desc, x.opened_on desc,
             x.case_id)
  ),
  holder as (
    select latest.* from (
      select distinct on (x.case_id) x.case_id, x.to_user_id, x.team_id, x.ended_at
      from case_assignments x cross join k
      where x.tenant_id = k.tenant_id
        and x.case_id in (select case_id from unit_case)
        and (x.assigned_at at time zone k.tz)::date <= k.as_of
      order by x.case_id, x.assigned_at desc
    ) latest cross join k
    where latest.ended_at is null or (latest.ended_at at time zone k.tz)::date > k.as_of
  )`;

export function dimensionSql(breakdown: string): string {
  if (breakdown === 'tenant') {
    return `
  dim as (select u.unit_key, k.tenant_id as group_id from units u cross join k),
  labels as (
    select k.tenant_id as group_id, 'tenant'::text as code, t.name
    from k join tenants t on t.id = k.tenant_id
  )`;
  }
  if (breakdown === 'collector' || breakdown === 'team') {
    const column = breakdown === 'collector' ? 'h.to_user_id' : 'h.team_id';
    const labels =
      breakdown === 'collector'
        ? `select distinct w.id as group_id, w.username as code, w.display_name as name
           from users w join dim d on d.group_id = w.id cross join k where w.tenant_id = k.tenant_id`
        : `select distinct m.id as group_id, m.name as code, m.name
           from teams m join dim d on d.group_id = m.id cross join k where m.tenant_id = k.tenant_id`;
    return `${UNIT_CASES},
  dim as (
    select uc.unit_key, ${column} as group_id
    from unit_case uc join holder h on h.case_id = uc.case_id
    where ${column} is not null
  ),
  labels as (${labels})`;
  }
  if (breakdown === 'batch') {
    return `${UNIT_CASES},
  dim as (
    select uc.unit_key, c.import_id as group_id
    from unit_case uc cross join k
    join cases c on c.tenant_id = k.tenant_id and c.id = uc.case_id
    where c.import_id is not null
  ),
  labels as (
    select i.id as group_id, i.file_name as code, i.file_name as name
    from imports i join k on i.tenant_id = k.tenant_id
    where i.kind = 'cases' and i.id in (select group_id from dim)
  )`;
  }
  if (breakdown === 'step') {
    return `
  dim as (
    select u.unit_key, md5('step:' || t.title)::uuid as group_id
    from units u cross join k
    join tasks t on t.tenant_id = k.tenant_id and t.case_id = u.case_id and t.id::text = u.unit_key
  ),
  labels as (
    select distinct md5('step:' || t.title)::uuid as group_id, t.title as code, t.title as name
    from units u cross join k
    join tasks t on t.tenant_id = k.tenant_id and t.case_id = u.case_id and t.id::text = u.unit_key
  )`;
  }
  return `
  dim as (
    select u.unit_key, g.id as group_id
    from units u cross join k
    join debtor_group_members m on m.tenant_id = k.tenant_id and m.debtor_id = u.debtor_id
    join debtor_groups g on g.tenant_id = m.tenant_id and g.id = m.group_id
    where g.type = k.group_type
  ),
  labels as (
    select g.id as group_id, g.code, g.name
    from debtor_groups g join k on g.tenant_id = k.tenant_id
    where g.type = k.group_type
  )`;
}

/** Σnum and Σden per group, each unit counted once per group. */
export const AGGREGATE_SQL = `
  select l.group_id, l.code, l.name, agg.num::text as num, agg.den::text as den
  from labels l
  left join (
    select d.group_id, sum(u.num) as num, sum(u.den) as den
    from (select distinct unit_key, group_id from dim) d
    join units u on u.unit_key = d.unit_key
    group by d.group_id
  ) agg on agg.group_id = l.group_id
  order by l.code, l.group_id`;
