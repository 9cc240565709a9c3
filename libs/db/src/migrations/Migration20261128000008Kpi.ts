import { Migration } from '@mikro-orm/migrations';
import { tenantRlsSql } from './tenant-rls.sql';

const SLUG = `~ '^[a-z][a-z0-9-]{0,47}$'`;
const METRIC = `~ '^[a-z][A-Za-z0-9]{0,47}$'`;
const GROUP_TYPE = `~ '^[a-z][a-z0-9-]{0,31}$'`;

/** table('x')`columns` → CREATE TABLE x with tenant_id first (DESIGN §3), then RLS. */
const table =
  (name: string) =>
  (parts: TemplateStringsArray, ...values: unknown[]): string[] => {
    const columns = parts.reduce(
      (sql, part, i) => sql + part + (i < values.length ? String(values[i]) : ''),
      '',
    );
    return [
      `create table ${name} (tenant_id uuid not null references tenants (id),\n ${columns})`,
      ...tenantRlsSql(name),
    ];
  };

/**
 * What packs measure and reward (issue 4: targets, incentives, drives): daily KPI snapshots
 * and manual KPI inputs, group-rating history, recorded attributes, and drives with their
 * phases, cases, items and publications. Flags and sanctions live in pack_flags (07 Engine).
 * Every key starts with tenant_id (DESIGN §3).
 */
export class Migration20261128000008Kpi extends Migration {
  override async up(): Promise<void> {
    const sql = [
      // One value per metric, arguments, breakdown and date; the daily run upserts, so a
      // second run of the same day changes nothing. group_id is the tenant, a debtor group,
      // a user (collector) or a team, by group_type.
      ...table('kpi_snapshots')`as_of date not null,
         metric text not null check (metric ${METRIC}),
         args_key text not null,
         group_type text not null check (group_type ${GROUP_TYPE}),
         group_id uuid not null,
         value numeric(28,12),
         numerator numeric(28,6),
         denominator numeric(28,6),
         computed_at timestamptz not null,
         primary key (tenant_id, metric, args_key, group_type, group_id, as_of)`,
      `create index kpi_snapshots_date on kpi_snapshots (tenant_id, as_of)`,

      // Figures no ledger holds: the deposit (缴存) balance behind the loan-to-deposit
      // ratio, recovery plans per group. Valid for [period_start, period_end].
      ...table('kpi_inputs')`id uuid not null,
         input text not null check (input in ('deposit-balance', 'recovery-plan')),
         group_type text not null check (group_type ${GROUP_TYPE}),
         group_id uuid not null,
         period_start date not null,
         period_end date not null,
         amount numeric(18,2) not null check (amount >= 0),
         note text,
         recorded_by text not null,
         recorded_at timestamptz not null,
         primary key (tenant_id, id),
         unique (tenant_id, input, group_type, group_id, period_start),
         check (period_end >= period_start)`,

      // A row each time a group's rating changes (and the first time it is computed); the
      // rating on a date is the latest row on or before it.
      ...table('group_rating_changes')`rating_id text not null check (rating_id ${SLUG}),
         group_id uuid not null,
         as_of date not null,
         granted boolean not null,
         criteria jsonb not null,
         pack_version text not null,
         recorded_at timestamptz not null,
         primary key (tenant_id, rating_id, group_id, as_of),
         foreign key (tenant_id, group_id) references debtor_groups (tenant_id, id)`,

      // What the pack's attributes record (是否村干部, 享受优惠政策…), one value per key.
      ...table(
        'attribute_values',
      )`subject text not null check (subject in ('debtor', 'account', 'case')),
         subject_id uuid not null,
         key text not null check (key ${SLUG}),
         value text not null check (length(value) between 1 and 500),
         recorded_by text not null,
         recorded_at timestamptz not null,
         primary key (tenant_id, subject, subject_id, key)`,

      ...table('drives')`id uuid not null,
         drive_key text not null check (drive_key ${SLUG}),
         names jsonb not null,
         pack_id text not null,
         pack_version text not null,
         launch_date date not null,
         ends_on date not null,
         launched_by text not null,
         launched_at timestamptz not null,
         primary key (tenant_id, id),
         unique (tenant_id, drive_key, launch_date),
         check (ends_on >= launch_date)`,
      ...table('drive_phases')`drive_id uuid not null,
         seq smallint not null check (seq >= 1),
         phase_key text not null check (phase_key ${SLUG}),
         names jsonb not null,
         starts_on date not null,
         ends_on date not null,
         targets text[] not null default '{}',
         primary key (tenant_id, drive_id, seq),
         unique (tenant_id, drive_id, phase_key),
         foreign key (tenant_id, drive_id) references drives (tenant_id, id),
         check (ends_on >= starts_on)`,
      // The cases in the drive's scope when it was launched.
      ...table('drive_cases')`drive_id uuid not null,
         case_id uuid not null,
         debtor_id uuid not null,
         primary key (tenant_id, drive_id, case_id),
         foreign key (tenant_id, drive_id) references drives (tenant_id, id),
         foreign key (tenant_id, case_id) references cases (tenant_id, id),
         foreign key (tenant_id, debtor_id) references debtors (tenant_id, id)`,
      // Phase tasks (meetings, posters), per-case tasks and deliverables, with progress.
      ...table('drive_items')`id uuid not null,
         drive_id uuid not null,
         phase_key text not null,
         kind text not null check (kind in ('task', 'case-task', 'deliverable')),
         item_key text not null check (item_key ${SLUG}),
         names jsonb,
         role text,
         case_id uuid,
         quantity int not null default 1 check (quantity >= 1),
         done_quantity int not null default 0 check (done_quantity >= 0),
         status text not null check (status in ('open', 'done')),
         due_on date not null,
         completed_at timestamptz,
         completed_by text,
         note text,
         primary key (tenant_id, id),
         foreign key (tenant_id, drive_id) references drives (tenant_id, id),
         foreign key (tenant_id, case_id) references cases (tenant_id, id),
         check (done_quantity <= quantity)`,
      `create index drive_items_phase on drive_items (tenant_id, drive_id, phase_key)`,
      // 定期公布清收进度: a stored report per publication and date. A public one is not
      // published until approved (恶意欠贷 lists name people).
      ...table('drive_publications')`id uuid not null,
         drive_id uuid not null,
         publication_key text not null check (publication_key ${SLUG}),
         report_id text not null,
         audience text not null check (audience in ('internal', 'public')),
         as_of date not null,
         status text not null check (status in ('published', 'pending-approval', 'rejected')),
         approver_role text,
         content jsonb not null,
         requested_by text not null,
         requested_at timestamptz not null,
         decided_by text,
         decided_at timestamptz,
         decision_note text,
         published_at timestamptz,
         primary key (tenant_id, id),
         unique (tenant_id, drive_id, publication_key, as_of),
         foreign key (tenant_id, drive_id) references drives (tenant_id, id),
         check ((status = 'published') = (published_at is not null))`,
    ];
    for (const statement of sql) this.addSql(statement);
  }
}
