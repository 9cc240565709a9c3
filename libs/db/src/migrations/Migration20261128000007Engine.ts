import { Migration } from '@mikro-orm/migrations';
import { tenantRlsSql } from './tenant-rls.sql';

const SLUG = `~ '^[a-z][a-z0-9-]{0,47}$'`;
// As in the collection migration: checked at commit. A dry run writes these rows and rolls
// back, so a deferred key never locks the case rows a collector is working on meanwhile.
const DEFERRED = 'deferrable initially deferred';

/**
 * The policy engine (issue 4, "The engine"):
 *
 * - case_stage_history: every move of a case on the pack's ladder, with the pack version that
 *   moved it (DESIGN §5 "cases remember the version that staged them"). to_stage null means
 *   the case left the ladder (arrears cleared).
 * - engine_actions: one row per action instance the engine fired, keyed by its deterministic
 *   idempotency key, so a second evaluation of the same date fires nothing. Approvals, flags
 *   and role notifications have no idempotency key of their own; this row is it.
 * - pack_flags: flags and sanctions a pack sets and clears (setFlag / clearFlag, `flag:`
 *   conditions), per debtor or account. The open row (cleared_on null) is the live one.
 * - approvals.kind: packs declare their own approval kinds (ar-reconciliation, publish-list…),
 *   so the closed list of six becomes a slug check.
 */
export class Migration20261128000007Engine extends Migration {
  override async up(): Promise<void> {
    const sql = [
      `create table case_stage_history (
         tenant_id uuid not null references tenants (id),
         id uuid not null,
         -- Orders two moves of one case on one date (evaluated, paid, evaluated again).
         seq bigint generated always as identity,
         case_id uuid not null,
         from_stage text check (from_stage ${SLUG}),
         to_stage text check (to_stage ${SLUG}),
         as_of date not null,
         pack_id text not null,
         pack_version text not null,
         effective_dpd int not null check (effective_dpd >= 0),
         reason text not null check (reason in ('escalated', 'de-escalated', 'entered', 'caught-up', 'cleared')),
         recorded_at timestamptz not null,
         primary key (tenant_id, id),
         foreign key (tenant_id, case_id) references cases (tenant_id, id) ${DEFERRED},
         check (from_stage is distinct from to_stage)
       )`,
      `create index case_stage_history_case on case_stage_history (tenant_id, case_id, seq)`,
      ...tenantRlsSql('case_stage_history'),
      `revoke update, delete, truncate on case_stage_history from qingshou_app`,

      `create table engine_actions (
         tenant_id uuid not null references tenants (id),
         idempotency_key text not null check (length(idempotency_key) between 1 and 200),
         case_id uuid not null,
         stage text not null check (stage ${SLUG}),
         action text not null,
         action_index int not null check (action_index >= 0),
         period date not null,
         as_of date not null,
         pack_id text not null,
         pack_version text not null,
         target_id uuid,
         detail jsonb not null default '{}',
         created_at timestamptz not null,
         primary key (tenant_id, idempotency_key),
         foreign key (tenant_id, case_id) references cases (tenant_id, id) ${DEFERRED}
       )`,
      `create index engine_actions_case on engine_actions (tenant_id, case_id, action)`,
      ...tenantRlsSql('engine_actions'),
      `revoke delete, truncate on engine_actions from qingshou_app`,

      `create table pack_flags (
         tenant_id uuid not null references tenants (id),
         id uuid not null,
         flag text not null check (flag ${SLUG}),
         subject text not null check (subject in ('debtor', 'account')),
         subject_id uuid not null,
         case_id uuid,
         set_on date not null,
         set_by text not null,
         cleared_on date,
         cleared_by text,
         primary key (tenant_id, id),
         foreign key (tenant_id, case_id) references cases (tenant_id, id) ${DEFERRED}
       )`,
      // One live row per flag and subject: setting a set flag changes nothing.
      `create unique index pack_flags_live on pack_flags (tenant_id, flag, subject, subject_id)
       where cleared_on is null`,
      ...tenantRlsSql('pack_flags'),

      `do $$ declare c text; begin
         for c in select conname from pg_constraint
                  where conrelid = 'approvals'::regclass and contype = 'c'
                    and pg_get_constraintdef(oid) like '%kind%' loop
           execute format('alter table approvals drop constraint %I', c);
         end loop;
       end $$`,
      `alter table approvals add constraint approvals_kind_slug check (kind ${SLUG})`,
    ];
    for (const statement of sql) this.addSql(statement);
  }
}
