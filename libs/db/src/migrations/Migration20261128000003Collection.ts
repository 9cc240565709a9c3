import { Migration } from '@mikro-orm/migrations';
import { tenantRlsSql } from './tenant-rls.sql';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

const CASE_STATUSES = 'open promised paused legal settled written-off returned closed'.split(' ');
const TASK_KINDS = 'call visit letter contact-guarantor review other'.split(' ');
const CHANNELS = 'call sms letter visit wechat'.split(' ');
const APPROVAL_KINDS =
  'visit-plan extension legal-referral special-procedure waiver write-off'.split(' ');
const LEGAL_STEPS = 'filing preservation hearing judgment enforcement'.split(' ');
const SLUG = `~ '^[a-z][a-z0-9-]{0,47}$'`;

// Foreign keys between collection tables are DEFERRABLE INITIALLY DEFERRED: a command creates
// several rows through one ORM flush, whose insert order is not guaranteed, so the check runs
// at commit. Keys to other libs' tables (debtors, accounts, users) point at rows that exist
// before the command starts and stay immediate.
const DEFERRED = 'deferrable initially deferred';

/**
 * table('x')`columns` → CREATE TABLE x with tenant_id first (it leads every key, DESIGN §3),
 * then ENABLE + FORCE RLS. A tag, so each table reads as its DDL and nothing repeats.
 */
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
 * Cases and the collector's day (issue 3): teams, cases, assignments with handover notes,
 * tasks, contact attempts with attachments, promises, pauses, approvals, costs, legal
 * matters, settlements in kind and the blacklist. Every key starts with tenant_id (DESIGN §3).
 */
export class Migration20261128000003Collection extends Migration {
  override async up(): Promise<void> {
    const sql = [
      ...table('teams')`id uuid not null,
         name text not null check (length(name) between 1 and 100),
         created_at timestamptz not null,
         primary key (tenant_id, id),
         unique (tenant_id, name)`,
      ...table('team_members')`team_id uuid not null,
         user_id uuid not null,
         role text not null check (role in ('lead', 'member')),
         added_at timestamptz not null,
         primary key (tenant_id, team_id, user_id),
         foreign key (tenant_id, team_id) references teams (tenant_id, id) ${DEFERRED},
         foreign key (tenant_id, user_id) references users (tenant_id, id)`,
      `create index team_members_user on team_members (tenant_id, user_id)`,

      // paused_until mirrors the active pause so lists need no join; version is the
      // optimistic lock every command on the case bumps.
      ...table('cases')`id uuid not null,
         debtor_id uuid not null,
         scope text not null check (scope in ('debtor', 'account')),
         account_id uuid,
         status text not null check (status in (${list(CASE_STATUSES)})),
         stage text,
         pack_version text,
         assignee_id uuid,
         team_id uuid,
         priority int not null default 0 check (priority between 0 and 100),
         overdue_reason_code text check (overdue_reason_code ${SLUG}),
         opened_on date not null,
         closed_on date,
         close_reason text,
         paused_until date,
         version int not null default 1,
         created_at timestamptz not null,
         updated_at timestamptz not null,
         primary key (tenant_id, id),
         foreign key (tenant_id, debtor_id) references debtors (tenant_id, id),
         foreign key (tenant_id, account_id) references accounts (tenant_id, id),
         foreign key (tenant_id, assignee_id) references users (tenant_id, id),
         foreign key (tenant_id, team_id) references teams (tenant_id, id) ${DEFERRED},
         check ((scope = 'account') = (account_id is not null)),
         check ((closed_on is null) = (status not in ('settled', 'written-off', 'returned', 'closed')))`,
      // One live case per debtor (or per account): a second open would split the history.
      `create unique index cases_live_debtor on cases (tenant_id, debtor_id)
       where scope = 'debtor' and closed_on is null`,
      `create unique index cases_live_account on cases (tenant_id, account_id)
       where scope = 'account' and closed_on is null`,
      `create index cases_assignee on cases (tenant_id, assignee_id) where closed_on is null`,
      `create index cases_team on cases (tenant_id, team_id) where closed_on is null`,
      `create index cases_debtor on cases (tenant_id, debtor_id)`,
      ...table('case_accounts')`case_id uuid not null,
         account_id uuid not null,
         primary key (tenant_id, case_id, account_id),
         foreign key (tenant_id, case_id) references cases (tenant_id, id) ${DEFERRED},
         foreign key (tenant_id, account_id) references accounts (tenant_id, id)`,
      `create index case_accounts_account on case_accounts (tenant_id, account_id)`,

      // The assignment history; the open row (ended_at null) is the current one. 交接 notes
      // travel with the case (篇八 四、人员交接).
      ...table('case_assignments')`id uuid not null,
         case_id uuid not null,
         from_user_id uuid,
         to_user_id uuid not null,
         team_id uuid,
         handover_note text,
         assigned_by text not null,
         assigned_at timestamptz not null,
         ended_at timestamptz,
         primary key (tenant_id, id),
         foreign key (tenant_id, case_id) references cases (tenant_id, id) ${DEFERRED},
         foreign key (tenant_id, to_user_id) references users (tenant_id, id),
         foreign key (tenant_id, team_id) references teams (tenant_id, id) ${DEFERRED}`,
      `create index case_assignments_case on case_assignments (tenant_id, case_id, assigned_at)`,

      // idempotency_key is unique per tenant so a rule that fires twice creates one task.
      ...table('tasks')`id uuid not null,
         case_id uuid not null,
         kind text not null check (kind in (${list(TASK_KINDS)})),
         title text,
         due_at timestamptz not null,
         sla_due_at timestamptz,
         status text not null check (status in ('open', 'done', 'cancelled')),
         assignee_id uuid,
         priority int not null default 0 check (priority between 0 and 100),
         idempotency_key text not null check (length(idempotency_key) between 1 and 200),
         outcome_note text,
         created_by text not null,
         created_at timestamptz not null,
         completed_at timestamptz,
         primary key (tenant_id, id),
         unique (tenant_id, idempotency_key),
         foreign key (tenant_id, case_id) references cases (tenant_id, id) ${DEFERRED},
         foreign key (tenant_id, assignee_id) references users (tenant_id, id)`,
      `create index tasks_worklist on tasks (tenant_id, assignee_id, due_at) where status = 'open'`,
      `create index tasks_case on tasks (tenant_id, case_id)`,
      ...table('attachments')`id uuid not null,
         storage_key text not null,
         sha256 char(64) not null check (sha256 ~ '^[0-9a-f]{64}$'),
         size_bytes bigint not null check (size_bytes >= 0),
         content_type text not null,
         original_name text not null,
         uploaded_by text not null,
         uploaded_at timestamptz not null,
         primary key (tenant_id, id),
         unique (tenant_id, storage_key)`,
      ...table('contact_attempts')`id uuid not null,
         case_id uuid not null,
         channel text not null check (channel in (${list(CHANNELS)})),
         party text not null check (party in ('debtor', 'guarantor', 'other')),
         related_party_id uuid,
         outcome_code text not null check (outcome_code ${SLUG}),
         notes text,
         attempted_at timestamptz not null,
         recorded_by text not null,
         recorded_at timestamptz not null,
         attachment_id uuid,
         primary key (tenant_id, id),
         foreign key (tenant_id, case_id) references cases (tenant_id, id) ${DEFERRED},
         foreign key (tenant_id, related_party_id) references related_parties (tenant_id, id),
         foreign key (tenant_id, attachment_id) references attachments (tenant_id, id) ${DEFERRED}`,
      `create index contact_attempts_case on contact_attempts (tenant_id, case_id, attempted_at)`,

      // Payments count toward a promise from promised_on to due_on; paid_amount and
      // evaluated_as_of record what the evaluation saw.
      ...table('promises')`id uuid not null,
         case_id uuid not null,
         account_id uuid,
         promised_on date not null,
         due_on date not null,
         amount numeric(18,2) not null check (amount > 0),
         status text not null check (status in ('pending', 'kept', 'broken')),
         notes text,
         recorded_by text not null,
         recorded_at timestamptz not null,
         paid_amount numeric(18,2),
         evaluated_as_of date,
         kept_at timestamptz,
         broken_at timestamptz,
         primary key (tenant_id, id),
         foreign key (tenant_id, case_id) references cases (tenant_id, id) ${DEFERRED},
         foreign key (tenant_id, account_id) references accounts (tenant_id, id),
         check (due_on >= promised_on)`,
      `create index promises_pending on promises (tenant_id, due_on) where status = 'pending'`,
      `create index promises_case on promises (tenant_id, case_id)`,
      ...table('pauses')`id uuid not null,
         case_id uuid not null,
         reason text not null check (reason in ('dispute', 'hardship', 'legal-hold', 'other')),
         from_on date not null,
         until_on date not null,
         ended_on date,
         status_before text not null check (status_before in (${list(CASE_STATUSES)})),
         notes text,
         created_by text not null,
         created_at timestamptz not null,
         primary key (tenant_id, id),
         foreign key (tenant_id, case_id) references cases (tenant_id, id) ${DEFERRED},
         check (until_on >= from_on)`,
      `create index pauses_case on pauses (tenant_id, case_id)`,
      ...table('approvals')`id uuid not null,
         case_id uuid not null,
         kind text not null check (kind in (${list(APPROVAL_KINDS)})),
         approver_role text not null,
         status text not null check (status in ('pending', 'approved', 'rejected')),
         payload jsonb not null default '{}',
         reason text,
         requested_by text not null,
         requested_at timestamptz not null,
         decided_by text,
         decided_at timestamptz,
         decision_note text,
         primary key (tenant_id, id),
         foreign key (tenant_id, case_id) references cases (tenant_id, id) ${DEFERRED}`,
      // One pending request per kind per case: a second would be decided twice.
      `create unique index approvals_one_pending on approvals (tenant_id, case_id, kind)
       where status = 'pending'`,
      `create index approvals_waiting on approvals (tenant_id, approver_role) where status = 'pending'`,
      ...table('legal_matters')`id uuid not null,
         case_id uuid not null,
         court text,
         court_case_number text,
         lawyer text,
         status text not null check (status in ('open', 'closed')),
         filed_on date not null,
         created_by text not null,
         created_at timestamptz not null,
         primary key (tenant_id, id),
         foreign key (tenant_id, case_id) references cases (tenant_id, id) ${DEFERRED}`,
      `create unique index legal_matters_one_open on legal_matters (tenant_id, case_id) where status = 'open'`,
      ...table('legal_events')`id uuid not null,
         legal_matter_id uuid not null,
         step text not null check (step in (${list(LEGAL_STEPS)})),
         occurred_on date not null,
         amount numeric(18,2) check (amount >= 0),
         details text,
         recorded_by text not null,
         recorded_at timestamptz not null,
         primary key (tenant_id, id),
         foreign key (tenant_id, legal_matter_id) references legal_matters (tenant_id, id) ${DEFERRED}`,
      `create index legal_events_matter on legal_events (tenant_id, legal_matter_id, occurred_on)`,
      ...table('case_costs')`id uuid not null,
         case_id uuid not null,
         legal_matter_id uuid,
         category text not null check (category ${SLUG}),
         amount numeric(18,2) not null check (amount > 0),
         voucher_ref text,
         incurred_on date not null,
         approved boolean not null default false,
         notes text,
         recorded_by text not null,
         recorded_at timestamptz not null,
         primary key (tenant_id, id),
         foreign key (tenant_id, case_id) references cases (tenant_id, id) ${DEFERRED},
         foreign key (tenant_id, legal_matter_id) references legal_matters (tenant_id, id) ${DEFERRED}`,
      `create index case_costs_case on case_costs (tenant_id, case_id)`,
      ...table('settlements_in_kind')`id uuid not null,
         case_id uuid not null,
         asset text not null check (length(asset) between 1 and 500),
         appraisal_value numeric(18,2) not null check (appraisal_value > 0),
         appraised_on date,
         title_transfer_on date,
         notes text,
         recorded_by text not null,
         recorded_at timestamptz not null,
         primary key (tenant_id, id),
         foreign key (tenant_id, case_id) references cases (tenant_id, id) ${DEFERRED}`,
      `create index settlements_in_kind_case on settlements_in_kind (tenant_id, case_id)`,

      // 篇六: long-overdue clients go on the blacklist once collected, never lent to again.
      ...table('blacklist')`debtor_id uuid not null,
         reason text not null check (length(reason) between 1 and 500),
         since date not null,
         case_id uuid,
         added_by text not null,
         added_at timestamptz not null,
         primary key (tenant_id, debtor_id),
         foreign key (tenant_id, debtor_id) references debtors (tenant_id, id),
         foreign key (tenant_id, case_id) references cases (tenant_id, id) ${DEFERRED}`,
    ];
    for (const statement of sql) this.addSql(statement);
  }
}
