import { Migration } from '@mikro-orm/migrations';
import { tenantRlsSql } from './tenant-rls.sql';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

const CHANNELS = ['letter', 'registered-mail', 'sms', 'email', 'wechat'];
const DISPATCH_STATES = ['pending', 'sending', 'sent', 'failed'];
const SLUG = `~ '^[a-z][a-z0-9-]{0,47}$'`;

/**
 * Notice delivery and SLA alerts (issue 6):
 *
 * - notice_dispatches: one row per (notice, channel, recipient) — the dispatch's idempotency
 *   key. A sender claims the row (pending → sending) with a conditional update and commits
 *   before it talks to a provider, so a retry never sends twice; a row left `sending` by a
 *   crash is never resent blindly.
 * - tasks.started_at: when work on a task began. Set by the database (triggers below) when a
 *   contact of the task's kind is logged on its case, or when the task is done — every writer
 *   (API, engine, imports) keeps it right without knowing about SLAs.
 * - alerts: one per (task, kind), so a monitor pass that runs twice raises one alert.
 */
export class Migration20261129000012Delivery extends Migration {
  override async up(): Promise<void> {
    const sql = [
      `create table notice_dispatches (
         tenant_id uuid not null references tenants (id),
         id uuid not null,
         notice_id uuid not null,
         channel text not null check (channel in (${list(CHANNELS)})),
         -- Phone, e-mail address or postal address; '' when the notice names none.
         recipient text not null check (length(recipient) <= 500),
         -- sha256(notice id, channel, recipient): the Message-ID, SMS client reference and
         -- sink file name, so a provider can tell a repeat without seeing personal data.
         idempotency_key text not null check (idempotency_key ~ '^[0-9a-f]{64}$'),
         state text not null default 'pending' check (state in (${list(DISPATCH_STATES)})),
         retryable boolean not null default false,
         attempts int not null default 0 check (attempts >= 0),
         adapter text,
         last_error text,
         -- What the adapter could not do but did not fail on (a letter without its PDF).
         note text,
         provider_message_id text,
         artifacts jsonb not null default '[]' check (jsonb_typeof(artifacts) = 'array'),
         claimed_at timestamptz,
         -- A transient failure waits until then (exponential backoff) before the next claim.
         next_attempt_at timestamptz,
         sent_at timestamptz,
         created_at timestamptz not null,
         updated_at timestamptz not null,
         primary key (tenant_id, id),
         unique (tenant_id, idempotency_key),
         unique (tenant_id, notice_id, channel, recipient),
         foreign key (tenant_id, notice_id) references notices (tenant_id, id),
         check ((state = 'sent') = (sent_at is not null)),
         check (state <> 'sending' or claimed_at is not null)
       )`,
      // What the next pass may claim: new rows and transient failures.
      `create index notice_dispatches_open on notice_dispatches (tenant_id, created_at, id)
       where state in ('pending', 'failed', 'sending')`,
      ...tenantRlsSql('notice_dispatches'),
      `revoke delete, truncate on notice_dispatches from qingshou_app`,

      `alter table tasks add column started_at timestamptz`,
      `create index tasks_sla_due on tasks (tenant_id, sla_due_at) where sla_due_at is not null`,
      // A call logged on a case starts its open call tasks, a visit its visit tasks, a letter
      // its letter tasks; any contact with a guarantor starts contact-guarantor tasks.
      // Invoker's rights: RLS on tasks applies exactly as to the statement that fired it.
      `create function tasks_started_by_contact() returns trigger language plpgsql as $$
       begin
         update tasks t set started_at = new.attempted_at
          where t.tenant_id = new.tenant_id and t.case_id = new.case_id
            and t.status = 'open' and t.started_at is null
            and t.created_at <= new.attempted_at
            and (t.kind = new.channel
                 or (t.kind = 'contact-guarantor' and new.party = 'guarantor'));
         return null;
       end $$`,
      `create trigger contact_attempts_start_tasks after insert on contact_attempts
       for each row execute function tasks_started_by_contact()`,
      // Completing a task started it at the latest then; cancelling starts nothing.
      `create function tasks_started_by_completion() returns trigger language plpgsql as $$
       begin
         if new.status = 'done' and new.started_at is null then
           new.started_at := coalesce(new.completed_at, now());
         end if;
         return new;
       end $$`,
      `create trigger tasks_start_on_completion before update of status on tasks
       for each row when (old.status = 'open' and new.status = 'done')
       execute function tasks_started_by_completion()`,

      `create table alerts (
         tenant_id uuid not null references tenants (id),
         id uuid not null,
         kind text not null check (kind ${SLUG}),
         task_id uuid not null,
         case_id uuid not null,
         addressed_role text not null,
         addressed_user_id uuid,
         state text not null default 'open' check (state in ('open', 'acknowledged')),
         -- The SLA instant that passed, and when a monitor pass saw it.
         due_at timestamptz not null,
         detected_at timestamptz not null,
         details jsonb not null default '{}' check (jsonb_typeof(details) = 'object'),
         acknowledged_by text,
         acknowledged_at timestamptz,
         acknowledge_note text,
         primary key (tenant_id, id),
         unique (tenant_id, task_id, kind),
         foreign key (tenant_id, task_id) references tasks (tenant_id, id),
         foreign key (tenant_id, case_id) references cases (tenant_id, id),
         foreign key (tenant_id, addressed_user_id) references users (tenant_id, id),
         check ((state = 'acknowledged') = (acknowledged_at is not null))
       )`,
      `create index alerts_open on alerts (tenant_id, detected_at, id) where state = 'open'`,
      ...tenantRlsSql('alerts'),
      `revoke delete, truncate on alerts from qingshou_app`,
    ];
    for (const statement of sql) this.addSql(statement);
  }
}
