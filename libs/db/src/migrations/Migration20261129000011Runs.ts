import { Migration } from '@mikro-orm/migrations';
import { tenantRlsSql } from './tenant-rls.sql';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

const KINDS = ['escalation'];
const STATES = ['queued', 'running', 'succeeded', 'failed'];

/**
 * The daily run (issue 6): one row per (tenant, kind, business date). The unique key is the
 * idempotency guard — a second request for the same day finds the first run — and the row
 * carries the checkpoint the run resumes from after a crash: the step it is in and the last
 * id that step committed (`cursor`). `counts` accumulates per step; `steps` records each
 * finished step's counts and duration. Tenants get the local time their run fires at.
 */
export class Migration20261129000011Runs extends Migration {
  override async up(): Promise<void> {
    const sql = [
      `alter table tenants add column daily_run_at text not null default '01:00'
         check (daily_run_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')`,
      `create table runs (
         tenant_id uuid not null references tenants (id),
         id uuid not null,
         kind text not null check (kind in (${list(KINDS)})),
         as_of date not null,
         state text not null check (state in (${list(STATES)})),
         step_index int not null default 0 check (step_index >= 0),
         step text,
         cursor text,
         progress jsonb not null default '{}',
         counts jsonb not null default '{}',
         steps jsonb not null default '[]',
         attempts int not null default 0,
         error text,
         requested_by text not null,
         requested_at timestamptz not null,
         started_at timestamptz,
         finished_at timestamptz,
         updated_at timestamptz not null,
         primary key (tenant_id, id),
         unique (tenant_id, kind, as_of)
       )`,
      // The worker's boot sweep looks for runs a crash left unfinished.
      `create index runs_unfinished on runs (tenant_id, state) where state in ('queued', 'running')`,
      ...tenantRlsSql('runs'),
    ];
    for (const statement of sql) this.addSql(statement);
  }
}
