import { Migration } from '@mikro-orm/migrations';
import { tenantRlsSql } from './tenant-rls.sql';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

const CHANNELS = [
  'letter',
  'registered-mail',
  'sms',
  'email',
  'wechat',
  'notice-board',
  'document',
];
const STATUSES = ['draft', 'sent', 'signed', 'refused', 'undeliverable', 'delivered', 'failed'];

/**
 * Notices (issue 4): every rendered letter, sms or e-mail with the exact data it was
 * rendered from, its delivery state and the deadline that delivery gives, plus the history
 * of delivery reports. Keys start with tenant_id (DESIGN §3).
 */
export class Migration20261128000004Notices extends Migration {
  override async up(): Promise<void> {
    const sql = [
      // case_id has no foreign key: cases belong to libs/collection, a lib at the same level
      // as notices, and neither may depend on the other. debtor_id points down to the ledger.
      // idempotency_key is unique per tenant so a retried issue never sends a second letter.
      // template_hash is the sha256 of the template file rendered; with data it makes the
      // letter reproducible even after the pack is upgraded.
      `create table notices (
         tenant_id uuid not null references tenants (id),
         id uuid not null,
         case_id uuid,
         debtor_id uuid not null,
         template_id text not null check (length(template_id) between 1 and 200),
         pack_version text not null check (length(pack_version) between 1 and 64),
         template_hash text not null check (template_hash ~ '^[0-9a-f]{64}$'),
         channel text not null check (channel in (${list(CHANNELS)})),
         title text not null check (length(title) between 1 and 100),
         rendered_html text not null,
         data jsonb not null check (jsonb_typeof(data) = 'object'),
         idempotency_key text not null check (length(idempotency_key) between 1 and 200),
         status text not null default 'draft' check (status in (${list(STATUSES)})),
         sent_on date,
         outcome_on date,
         delivery_rule jsonb check (
           delivery_rule is null
           or (jsonb_typeof(delivery_rule -> 'periodDays') = 'number'
               and jsonb_typeof(delivery_rule -> 'fallbackOffsetDays') = 'number')),
         deadline date,
         deadline_count_from date,
         deadline_explanation text,
         issued_by text not null,
         version int not null default 1,
         created_at timestamptz not null,
         updated_at timestamptz not null,
         primary key (tenant_id, id),
         unique (tenant_id, idempotency_key),
         foreign key (tenant_id, debtor_id) references debtors (tenant_id, id),
         check ((status = 'draft') = (sent_on is null)),
         check ((status in ('draft', 'sent')) = (outcome_on is null)),
         check (outcome_on is null or outcome_on >= sent_on),
         check (deadline is null or delivery_rule is not null)
       )`,
      `create index notices_case on notices (tenant_id, case_id) where case_id is not null`,
      `create index notices_debtor on notices (tenant_id, debtor_id, created_at)`,
      // Deadlines falling due: the legal hand-over worklist reads this.
      `create index notices_deadline on notices (tenant_id, deadline) where deadline is not null`,
      ...tenantRlsSql('notices'),

      // Append-only history of delivery reports, with the deadline each one produced.
      `create table notice_delivery_events (
         tenant_id uuid not null references tenants (id),
         id uuid not null,
         notice_id uuid not null,
         status text not null check (status in (${list(STATUSES.filter((s) => s !== 'draft'))})),
         occurred_on date not null,
         deadline date,
         deadline_explanation text,
         recorded_by text not null,
         recorded_at timestamptz not null,
         -- Insertion order: two reports recorded in the same instant still list in order.
         seq bigint generated always as identity,
         primary key (tenant_id, id),
         foreign key (tenant_id, notice_id) references notices (tenant_id, id)
       )`,
      `create index notice_delivery_events_notice on notice_delivery_events (tenant_id, notice_id, recorded_at)`,
      ...tenantRlsSql('notice_delivery_events'),
      `revoke update, delete on notice_delivery_events from qingshou_app`,
    ];
    for (const statement of sql) this.addSql(statement);
  }
}
