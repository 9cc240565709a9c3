import { Migration } from '@mikro-orm/migrations';
import { tenantRlsSql } from './tenant-rls.sql';

/**
 * Out of one machine (issue 15 §3–4).
 *
 * `run_chunks`: a run step that fans its work out (evaluate-cases) plans its chunks here —
 * the case ids of each, fixed when planned — and any worker process takes one by its queue
 * job; the row records who did it and its counts, once (`state` moves to done only from
 * pending). PostgreSQL, not Redis, is the record: a lost queue is re-filled from the pending
 * rows when the step resumes.
 *
 * Then it drops the `tenant_id → tenants (id)` foreign key of every child table that already reaches
 * its tenant through a parent (issue 15 §4): each table below has a NOT NULL composite key
 * `(tenant_id, parent_id) → parent (tenant_id, id)`, and the parent's own row names a tenant
 * that exists, so the direct key checked the same fact a second time on every insert — one
 * more index probe into `tenants` and one more trigger per row of a million-account import.
 *
 * Kept on purpose:
 * - the composite keys themselves: they guard the cross-tenant reference (an installment of
 *   tenant A cannot point at an account of tenant B) and carry the tenant to the parent;
 * - the tenant key of roots (debtors, users, teams, imports, runs, drives, attachments, …):
 *   nothing above them names the tenant;
 * - the tenant key of tables whose only parent key may be NULL (tasks, engine_actions,
 *   pack_flags, pack_installations): a NULL column switches a MATCH SIMPLE key off for that
 *   row, so without the direct key such a row could name a tenant that does not exist.
 * test/db/tenant-reach.spec.ts checks every tenant table still reaches `tenants` one way.
 * Tables created after this migration keep the usual `references tenants (id)`.
 */
export const REACHED_THROUGH_PARENT: Readonly<Record<string, string>> = {
  outbox: 'event_log',
  debtor_group_members: 'debtor_groups',
  accounts: 'debtors',
  installments: 'accounts',
  account_fees: 'accounts',
  payments: 'accounts',
  account_balances: 'accounts',
  related_parties: 'debtors',
  team_members: 'teams',
  cases: 'debtors',
  case_accounts: 'cases',
  case_assignments: 'cases',
  contact_attempts: 'cases',
  promises: 'cases',
  pauses: 'cases',
  approvals: 'cases',
  legal_matters: 'cases',
  legal_events: 'legal_matters',
  case_costs: 'cases',
  settlements_in_kind: 'cases',
  blacklist: 'debtors',
  notices: 'debtors',
  notice_delivery_events: 'notices',
  import_row_errors: 'imports',
  case_stage_history: 'cases',
  group_rating_changes: 'debtor_groups',
  drive_phases: 'drives',
  drive_cases: 'drives',
  drive_items: 'drives',
  drive_publications: 'drives',
  engine_notice_holds: 'cases',
  notice_dispatches: 'notices',
  alerts: 'cases',
  retention_applications: 'cases',
  anonymised_debtors: 'debtors',
  client_receipts: 'accounts',
  debtor_contact_points: 'debtors',
  repayment_plans: 'cases',
  plan_instalments: 'repayment_plans',
};

export class Migration20261207000037ScaleOut extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table run_chunks (tenant_id uuid not null,
       run_id uuid not null,
       step text not null,
       seq integer not null check (seq >= 0),
       case_ids uuid[] not null,
       state text not null default 'pending' check (state in ('pending', 'done')),
       counts jsonb,
       worker text,
       attempts integer not null default 0,
       error text,
       done_at timestamptz,
       primary key (tenant_id, run_id, step, seq),
       foreign key (tenant_id, run_id) references runs (tenant_id, id) on delete cascade)`);
    for (const statement of tenantRlsSql('run_chunks')) this.addSql(statement);
    for (const table of Object.keys(REACHED_THROUGH_PARENT)) {
      this.addSql(`alter table ${table} drop constraint if exists ${table}_tenant_id_fkey;`);
    }
  }

  override async down(): Promise<void> {
    this.addSql(`drop table run_chunks`);
    for (const table of Object.keys(REACHED_THROUGH_PARENT)) {
      this.addSql(
        `alter table ${table} add constraint ${table}_tenant_id_fkey
           foreign key (tenant_id) references tenants (id);`,
      );
    }
  }
}
