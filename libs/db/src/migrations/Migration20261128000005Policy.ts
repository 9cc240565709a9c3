import { Migration } from '@mikro-orm/migrations';
import { tenantRlsSql } from './tenant-rls.sql';

/**
 * Policy pack installations (issue 4): each row pins a snapshot of one resolved pack — id,
 * version, the tenant's parameters and the whole resolved pack with its templates — so a
 * later change in policies/ never alters a tenant's behaviour without an upgrade. One
 * active row per tenant; an upgrade supersedes it and links to the new one. Rows are
 * history: the app may not delete them.
 */
export class Migration20261128000005Policy extends Migration {
  override async up(): Promise<void> {
    const sql = [
      `create table pack_installations (
         tenant_id uuid not null references tenants (id),
         id uuid not null,
         pack_id text not null check (pack_id ~ '^[a-z][a-z0-9-]{1,47}$'),
         version text not null check (version ~ '^\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?$'),
         params jsonb not null default '{}',
         resolved jsonb not null,
         digest text not null check (digest ~ '^[0-9a-f]{64}$'),
         status text not null check (status in ('active', 'superseded')),
         installed_at timestamptz not null,
         installed_by text not null,
         superseded_at timestamptz,
         superseded_by uuid,
         primary key (tenant_id, id),
         foreign key (tenant_id, superseded_by) references pack_installations (tenant_id, id),
         check ((status = 'superseded') = (superseded_at is not null))
       )`,
      // At most one active installation per tenant; tenant_id leads (DESIGN §3).
      `create unique index pack_installations_one_active on pack_installations (tenant_id) where status = 'active'`,
      `create index pack_installations_history on pack_installations (tenant_id, installed_at desc)`,
      ...tenantRlsSql('pack_installations'),
      `revoke delete, truncate on pack_installations from qingshou_app`,
    ];
    for (const statement of sql) this.addSql(statement);
  }
}
