/**
 * A kpi_snapshots row `s` named as its breakdown names it (dimensions.sql.ts's labels): the
 * debtor group, the collector, the team, the tenant, the batch's file, the step's title. A
 * step's id is derived from its title, so it is found through a task that has it.
 */
export const SNAPSHOT_LABEL_COLUMNS = `
  coalesce(g.code, u.username, t.name, i.file_name, st.title,
           case when s.group_type = 'tenant' then 'tenant' end) as code,
  coalesce(g.name, u.display_name, t.name, n.name, i.file_name, st.title) as name`;

export const SNAPSHOT_LABEL_JOINS = `
  left join debtor_groups g on g.tenant_id = s.tenant_id and g.id = s.group_id
  left join users u on u.tenant_id = s.tenant_id and u.id = s.group_id
  left join teams t on t.tenant_id = s.tenant_id and t.id = s.group_id
  left join tenants n on n.id = s.group_id
  left join imports i on s.group_type = 'batch' and i.tenant_id = s.tenant_id and i.id = s.group_id
  left join lateral (
    select x.title from tasks x
    where s.group_type = 'step' and x.tenant_id = s.tenant_id
      and md5('step:' || x.title)::uuid = s.group_id
    limit 1) st on true`;
