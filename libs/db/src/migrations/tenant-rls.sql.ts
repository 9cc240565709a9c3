/**
 * RLS for a tenant-owned table (DESIGN §3): ENABLE + FORCE, one policy with USING and WITH
 * CHECK on the transaction's tenant. `current_tenant_id()` is NULL when unset or empty, so
 * a forgotten tenant returns nothing and writes nothing.
 */
export function tenantRlsSql(table: string): string[] {
  return [
    `alter table "${table}" enable row level security`,
    `alter table "${table}" force row level security`,
    `create policy tenant_isolation on "${table}" using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id())`,
  ];
}
