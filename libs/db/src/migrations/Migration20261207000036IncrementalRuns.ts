import { Migration } from '@mikro-orm/migrations';
import { tenantRlsSql } from './tenant-rls.sql';

/**
 * The incremental nightly run (issue 15 §2). `runs.mode` is what was asked for: a scheduled
 * run is incremental, the admin's request and `run --full` full (a pack change since the
 * last run makes an incremental run do a full pass anyway). `run_accounts` is the run's
 * dirty set, decided once in SQL when its balance step starts (owner: libs/operations): the
 * accounts whose balance can differ from their snapshot on the run's date. The two indexes
 * let that statement find the receipts and fees recorded since the last run without
 * reading the whole ledger.
 */
export class Migration20261207000036IncrementalRuns extends Migration {
  override async up(): Promise<void> {
    const sql = [
      `alter table runs add column mode text not null default 'full'
         check (mode in ('full', 'incremental'))`,
      `create table run_accounts (
         tenant_id uuid not null references tenants (id),
         run_id uuid not null,
         account_id uuid not null,
         primary key (tenant_id, run_id, account_id),
         foreign key (tenant_id, run_id) references runs (tenant_id, id) on delete cascade
       )`,
      ...tenantRlsSql('run_accounts'),
      `create index payments_recorded on payments (tenant_id, recorded_at)`,
      `create index account_fees_recorded on account_fees (tenant_id, recorded_at)`,
    ];
    for (const statement of sql) this.addSql(statement);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index account_fees_recorded`);
    this.addSql(`drop index payments_recorded`);
    this.addSql(`drop table run_accounts`);
    this.addSql(`alter table runs drop column mode`);
  }
}
