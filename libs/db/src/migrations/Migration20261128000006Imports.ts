import { Migration } from '@mikro-orm/migrations';
import { tenantRlsSql } from './tenant-rls.sql';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

const KINDS = ['accounts', 'payments', 'cases'];
const STATUSES = ['queued', 'running', 'succeeded', 'failed', 'partially-succeeded'];

/**
 * Bulk imports (issue 3, "Imports"): one row per submitted file with its progress, and the
 * per-row report. The imported rows themselves land in the ledger and collection tables;
 * staging happens in TEMP tables (COPY FROM refuses tables under row-level security).
 */
export class Migration20261128000006Imports extends Migration {
  override async up(): Promise<void> {
    const sql = [
      // `mapping` keeps the whole mapping that ran, so a retry or an audit sees what was
      // applied even after a pack changes its own. last_row is the highest file row whose
      // chunk committed: a retried job resumes after it.
      `create table imports (
         tenant_id uuid not null references tenants (id),
         id uuid not null,
         kind text not null check (kind in (${list(KINDS)})),
         mapping_name text not null check (length(mapping_name) between 1 and 64),
         mapping jsonb not null,
         source text not null check (length(source) between 1 and 64),
         file_name text not null check (length(file_name) between 1 and 255),
         file_sha256 char(64) not null check (file_sha256 ~ '^[0-9a-f]{64}$'),
         file_size bigint not null check (file_size >= 0),
         file_format text not null check (file_format in ('csv', 'xlsx')),
         storage_key text not null,
         encoding text,
         encoding_requested text,
         status text not null check (status in (${list(STATUSES)})),
         rows_total int not null default 0,
         rows_ok int not null default 0,
         rows_failed int not null default 0,
         last_row int not null default 0,
         rows_per_second numeric(12,1),
         counts jsonb not null default '{}',
         error text,
         error_zh text,
         error_report_key text,
         attempts int not null default 0,
         requested_by text not null,
         requested_at timestamptz not null,
         started_at timestamptz,
         finished_at timestamptz,
         updated_at timestamptz not null,
         primary key (tenant_id, id)
       )`,
      // A second submit of the same bytes finds the first import here (double-submit guard).
      `create index imports_file on imports (tenant_id, file_sha256, kind, mapping_name)`,
      `create index imports_recent on imports (tenant_id, requested_at)`,
      ...tenantRlsSql('imports'),

      `create table import_row_errors (
         tenant_id uuid not null references tenants (id),
         import_id uuid not null,
         row_no int not null check (row_no >= 1),
         seq smallint not null check (seq >= 1),
         column_name text not null,
         field text,
         value text not null,
         reason text not null,
         reason_zh text not null,
         primary key (tenant_id, import_id, row_no, seq),
         foreign key (tenant_id, import_id) references imports (tenant_id, id)
       )`,
      ...tenantRlsSql('import_row_errors'),
    ];
    for (const statement of sql) this.addSql(statement);
  }
}
