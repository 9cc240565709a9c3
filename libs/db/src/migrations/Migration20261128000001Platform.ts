import { Migration } from '@mikro-orm/migrations';
import { tenantRlsSql } from './tenant-rls.sql';

export const PLATFORM_TENANT_ID = '00000000-0000-0000-0000-000000000000';

/** Roles, tenants, users, the hash-chained event log, the outbox. */
export class Migration20261128000001Platform extends Migration {
  override async up(): Promise<void> {
    const sql = [
      // The application role owns nothing and cannot bypass RLS. Roles are cluster-wide,
      // so a second database (tests clone many) must not fail on it.
      `do $$ begin
         if not exists (select from pg_roles where rolname = 'qingshou_app') then
           create role qingshou_app login nosuperuser nobypassrls nocreatedb nocreaterole;
         end if;
       end $$`,
      `grant usage on schema public to qingshou_app`,
      `alter default privileges in schema public grant select, insert, update, delete on tables to qingshou_app`,
      `alter default privileges in schema public grant usage, select on sequences to qingshou_app`,
      `create function current_tenant_id() returns uuid language sql stable as
         $$ select nullif(current_setting('app.tenant_id', true), '')::uuid $$`,

      `create table tenants (
         id uuid primary key,
         slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
         name text not null,
         kind text not null,
         time_zone text not null default 'Asia/Shanghai',
         status text not null default 'active' check (status in ('active', 'suspended')),
         created_at timestamptz not null default now()
       )`,
      `revoke delete on tenants from qingshou_app`,
      `insert into tenants (id, slug, name, kind) values ('${PLATFORM_TENANT_ID}', 'platform', '清收平台', 'platform')`,

      `create table users (
         tenant_id uuid not null references tenants (id),
         id uuid not null,
         username text not null,
         display_name text not null,
         password_hash text not null,
         roles text[] not null,
         status text not null default 'active' check (status in ('active', 'disabled')),
         created_at timestamptz not null default now(),
         primary key (tenant_id, id),
         unique (tenant_id, username)
       )`,
      ...tenantRlsSql('users'),

      `create table event_chain_heads (
         tenant_id uuid primary key references tenants (id),
         last_seq bigint not null,
         last_hash text not null
       )`,
      ...tenantRlsSql('event_chain_heads'),

      `create table event_log (
         tenant_id uuid not null references tenants (id),
         seq bigint not null,
         id uuid not null,
         type text not null,
         aggregate_type text not null,
         aggregate_id text not null,
         actor_id text not null,
         correlation_id text not null,
         occurred_at timestamptz not null,
         payload jsonb not null,
         before jsonb,
         after jsonb,
         prev_hash text not null,
         hash text not null,
         primary key (tenant_id, seq),
         unique (tenant_id, id)
       )`,
      `create index event_log_aggregate on event_log (tenant_id, aggregate_type, aggregate_id, seq)`,
      ...tenantRlsSql('event_log'),
      `revoke update, delete, truncate on event_log from qingshou_app`,
      `create function event_log_is_append_only() returns trigger language plpgsql as $$
         begin
           raise exception 'event_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
         end $$`,
      `create trigger event_log_no_update before update or delete on event_log
         for each row execute function event_log_is_append_only()`,
      `create trigger event_log_no_truncate before truncate on event_log
         for each statement execute function event_log_is_append_only()`,

      `create table outbox (
         tenant_id uuid not null references tenants (id),
         id uuid not null,
         event_id uuid not null,
         topic text not null,
         payload jsonb not null,
         created_at timestamptz not null default now(),
         published_at timestamptz,
         attempts int not null default 0,
         last_error text,
         primary key (tenant_id, id),
         foreign key (tenant_id, event_id) references event_log (tenant_id, id)
       )`,
      `create index outbox_pending on outbox (tenant_id, created_at) where published_at is null`,
      ...tenantRlsSql('outbox'),

      `create table consumed_events (
         tenant_id uuid not null references tenants (id),
         consumer text not null,
         event_id uuid not null,
         consumed_at timestamptz not null default now(),
         primary key (tenant_id, consumer, event_id)
       )`,
      ...tenantRlsSql('consumed_events'),
    ];
    for (const statement of sql) this.addSql(statement);
  }
}
