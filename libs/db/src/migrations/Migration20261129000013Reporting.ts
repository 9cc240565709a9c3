import { Migration } from '@mikro-orm/migrations';
import { tenantRlsSql } from './tenant-rls.sql';

const SLUG = `~ '^[a-z][a-z0-9-]{0,47}$'`;

/**
 * Reports and retention (issue 6).
 *
 * - report_runs: one generated report file per report, period and format. The bytes live in
 *   the row (bytea): a run and its file commit together (no orphan or half file), RLS keeps
 *   one tenant's reports from another, and pack reports are kilobytes to a few MB. The
 *   unique key makes the scheduled generation idempotent: a second nightly run of the same
 *   period inserts nothing.
 * - cases.legal_hold: an explicit hold (诉讼保全, a regulator's request) besides an open legal
 *   matter, which already holds a case; retention skips held cases.
 * - retention_applications / anonymised_debtors: what retention did, so a second run of the
 *   same day does nothing and statistics can tell purged cases from live ones.
 */
export class Migration20261129000013Reporting extends Migration {
  override async up(): Promise<void> {
    const sql = [
      `create table report_runs (
         tenant_id uuid not null references tenants (id),
         id uuid not null,
         report_id text not null check (report_id ${SLUG}),
         period text not null check (length(period) between 1 and 40),
         period_start date not null,
         period_end date not null,
         as_of date not null,
         format text not null check (format in ('xlsx', 'html')),
         trigger text not null check (trigger in ('schedule', 'demand')),
         state text not null check (state in ('done', 'failed')),
         pack_id text not null,
         pack_version text not null,
         file_name text not null,
         content_type text not null,
         content bytea,
         size_bytes bigint not null default 0 check (size_bytes >= 0),
         sha256 char(64) check (sha256 ~ '^[0-9a-f]{64}$'),
         error text,
         requested_by text not null,
         created_at timestamptz not null,
         primary key (tenant_id, id),
         unique (tenant_id, report_id, period, format),
         check ((state = 'done') = (content is not null and sha256 is not null))
       )`,
      `create index report_runs_created on report_runs (tenant_id, created_at desc)`,
      ...tenantRlsSql('report_runs'),

      `alter table cases add column legal_hold boolean not null default false`,
      `alter table cases add column legal_hold_reason text
         check (legal_hold_reason is null or length(legal_hold_reason) between 1 and 500)`,

      `create table retention_applications (
         tenant_id uuid not null references tenants (id),
         case_id uuid not null,
         policy_id text not null check (policy_id ${SLUG}),
         action text not null check (action in ('purge', 'anonymise')),
         applied_on date not null,
         counts jsonb not null check (jsonb_typeof(counts) = 'object'),
         applied_at timestamptz not null,
         primary key (tenant_id, case_id, policy_id),
         foreign key (tenant_id, case_id) references cases (tenant_id, id)
       )`,
      ...tenantRlsSql('retention_applications'),
      `revoke update, delete, truncate on retention_applications from qingshou_app`,

      `create table anonymised_debtors (
         tenant_id uuid not null references tenants (id),
         debtor_id uuid not null,
         policy_id text not null check (policy_id ${SLUG}),
         anonymised_on date not null,
         primary key (tenant_id, debtor_id),
         foreign key (tenant_id, debtor_id) references debtors (tenant_id, id)
       )`,
      ...tenantRlsSql('anonymised_debtors'),
      `revoke update, delete, truncate on anonymised_debtors from qingshou_app`,
    ];
    for (const statement of sql) this.addSql(statement);
  }
}
