import { Migration } from '@mikro-orm/migrations';
import { tenantRlsSql } from './tenant-rls.sql';

const SLUG = `~ '^[a-z][a-z0-9-]{0,47}$'`;
const DEFERRED = 'deferrable initially deferred';

/**
 * The engine runs pack rules, reminders and routines, and holds gated notices:
 *
 * - tasks.role: the platform role that must do the task (pack task `role`). A task nobody
 *   holding that role carries yet waits unassigned on the role's worklist (篇八: the
 *   supervisor's `assign` task for each imported case).
 * - tasks.case_id and engine_actions.case_id nullable: routines (the weekly recording
 *   backup) and tenant events (a bank batch received) create work that belongs to no case.
 * - engine_actions.source: which part of the pack fired the action; `stage` then holds the
 *   stage, rule, reminder or routine id.
 * - cases.import_id: the import that opened the case, so the engine reacts to a whole batch
 *   with one statement (caseImported) instead of one event per case. No foreign key:
 *   provenance only, an import row may be purged before its cases.
 * - engine_notice_holds: a notice whose template needs an approval first (篇一: receivables
 *   reconciled with finance before a statement goes out) waits here, keyed by the notice's
 *   own idempotency key, until its approval is granted (released → issued) or rejected
 *   (cancelled).
 */
export class Migration20261129000009EngineRules extends Migration {
  override async up(): Promise<void> {
    const sql = [
      `alter table tasks add column role text check (role ${SLUG})`,
      `alter table tasks alter column case_id drop not null`,
      `create index tasks_role_queue on tasks (tenant_id, role, due_at)
       where status = 'open' and assignee_id is null and role is not null`,

      `alter table engine_actions alter column case_id drop not null`,
      `alter table engine_actions add column source text not null default 'stage'
       check (source in ('stage', 'rule', 'reminder', 'routine'))`,

      `alter table cases add column import_id uuid`,
      `create index cases_import on cases (tenant_id, import_id) where import_id is not null`,

      `create table engine_notice_holds (
         tenant_id uuid not null references tenants (id),
         idempotency_key text not null check (length(idempotency_key) between 1 and 200),
         case_id uuid not null,
         debtor_id uuid not null,
         template text not null check (length(template) between 1 and 100),
         recipient text not null check (recipient ${SLUG}),
         source text not null check (source in ('stage', 'rule', 'reminder', 'routine')),
         source_id text not null check (source_id ${SLUG}),
         approval_id uuid not null,
         status text not null check (status in ('held', 'released', 'cancelled')),
         pack_ref text not null,
         held_at timestamptz not null,
         decided_at timestamptz,
         primary key (tenant_id, idempotency_key),
         foreign key (tenant_id, case_id) references cases (tenant_id, id) ${DEFERRED},
         foreign key (tenant_id, approval_id) references approvals (tenant_id, id) ${DEFERRED},
         check ((status = 'held') = (decided_at is null))
       )`,
      `create index engine_notice_holds_approval on engine_notice_holds (tenant_id, approval_id)`,
      ...tenantRlsSql('engine_notice_holds'),
      `revoke delete, truncate on engine_notice_holds from qingshou_app`,
    ];
    for (const statement of sql) this.addSql(statement);
  }
}
