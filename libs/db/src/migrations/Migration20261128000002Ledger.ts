import { Migration } from '@mikro-orm/migrations';
import { tenantRlsSql } from './tenant-rls.sql';

const ACCOUNT_TYPES = [
  'lease-contract',
  'student-loan',
  'loan',
  'microloan',
  'housing-fund-loan',
  'employer-contribution',
  'card-account',
  'receivable',
];
const METHODS = [
  'equal-installment',
  'equal-principal',
  'bullet',
  'interest-only',
  'student-loan',
  'given',
];
const list = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * The ledger (issue 3): debtors, groups, related parties, accounts with their schedules,
 * fees, the append-only payment list and a per-account balance snapshot. Money numeric(18,2),
 * rates numeric(9,6), business dates `date`. Every key starts with tenant_id (DESIGN §3).
 */
export class Migration20261128000002Ledger extends Migration {
  override async up(): Promise<void> {
    const sql = [
      // id_number is stored normalised (18 ASCII characters, X upper-cased); one debtor per
      // identity per tenant, so imports and the API converge on the same row.
      `create table debtors (
         tenant_id uuid not null references tenants (id),
         id uuid not null,
         kind text not null check (kind in ('person', 'organisation')),
         name text not null check (length(name) between 1 and 200),
         id_number text not null check (id_number ~ '^[0-9A-Z]{18}$'),
         phones text[] not null default '{}',
         address text,
         created_at timestamptz not null,
         created_by text not null,
         primary key (tenant_id, id),
         unique (tenant_id, id_number)
       )`,
      ...tenantRlsSql('debtors'),

      // Group types are declared by packs (village, school, cohort, employer, dealer, branch),
      // so the column is a slug, not an enum.
      `create table debtor_groups (
         tenant_id uuid not null references tenants (id),
         id uuid not null,
         type text not null check (type ~ '^[a-z][a-z0-9-]{0,31}$'),
         code text not null check (length(code) between 1 and 64),
         name text not null check (length(name) between 1 and 200),
         created_at timestamptz not null,
         primary key (tenant_id, id),
         unique (tenant_id, type, code)
       )`,
      ...tenantRlsSql('debtor_groups'),

      `create table debtor_group_members (
         tenant_id uuid not null references tenants (id),
         group_id uuid not null,
         debtor_id uuid not null,
         added_at timestamptz not null,
         added_by text not null,
         primary key (tenant_id, group_id, debtor_id),
         foreign key (tenant_id, group_id) references debtor_groups (tenant_id, id),
         foreign key (tenant_id, debtor_id) references debtors (tenant_id, id)
       )`,
      `create index debtor_group_members_debtor on debtor_group_members (tenant_id, debtor_id)`,
      ...tenantRlsSql('debtor_group_members'),

      `create table accounts (
         tenant_id uuid not null references tenants (id),
         id uuid not null,
         debtor_id uuid not null,
         type text not null check (type in (${list(ACCOUNT_TYPES)})),
         source text not null check (length(source) between 1 and 64),
         external_ref text not null check (length(external_ref) between 1 and 128),
         principal numeric(18,2) not null check (principal > 0),
         annual_rate numeric(9,6) not null check (annual_rate >= 0),
         day_count_basis smallint not null default 360 check (day_count_basis in (360, 365)),
         penalty_markup numeric(9,6) not null default 0 check (penalty_markup >= 0),
         compound_enabled boolean not null default false,
         start_date date not null,
         repayment_method text not null check (repayment_method in (${list(METHODS)})),
         schedule_params jsonb not null default '{}',
         currency text not null default 'CNY' check (currency = 'CNY'),
         created_at timestamptz not null,
         created_by text not null,
         primary key (tenant_id, id),
         unique (tenant_id, source, external_ref),
         foreign key (tenant_id, debtor_id) references debtors (tenant_id, id)
       )`,
      `create index accounts_debtor on accounts (tenant_id, debtor_id)`,
      ...tenantRlsSql('accounts'),

      `create table installments (
         tenant_id uuid not null references tenants (id),
         account_id uuid not null,
         seq int not null check (seq >= 1),
         due_date date not null,
         principal numeric(18,2) not null check (principal >= 0),
         interest numeric(18,2) not null check (interest >= 0),
         primary key (tenant_id, account_id, seq),
         foreign key (tenant_id, account_id) references accounts (tenant_id, id)
       )`,
      // The daily run looks for installments falling due, across accounts.
      `create index installments_due on installments (tenant_id, due_date)`,
      ...tenantRlsSql('installments'),

      // seq is optional: without it the calculator attaches the fee to the latest due installment.
      `create table account_fees (
         tenant_id uuid not null references tenants (id),
         id uuid not null,
         account_id uuid not null,
         seq int,
         kind text not null,
         fee_date date not null,
         amount numeric(18,2) not null check (amount > 0),
         note text,
         recorded_by text not null,
         recorded_at timestamptz not null,
         primary key (tenant_id, id),
         foreign key (tenant_id, account_id) references accounts (tenant_id, id),
         foreign key (tenant_id, account_id, seq) references installments (tenant_id, account_id, seq)
       )`,
      `create index account_fees_account on account_fees (tenant_id, account_id)`,
      ...tenantRlsSql('account_fees'),

      // Append-only: a receipt is positive; a reversal (冲正) is a new negative row naming the
      // receipt, at most one per receipt. (source, external_ref) makes API and import idempotent.
      `create table payments (
         tenant_id uuid not null references tenants (id),
         id uuid not null,
         account_id uuid not null,
         source text not null check (length(source) between 1 and 64),
         external_ref text not null check (length(external_ref) between 1 and 160),
         paid_on date not null,
         amount numeric(18,2) not null,
         reverses_payment_id uuid,
         note text,
         recorded_by text not null,
         recorded_at timestamptz not null,
         primary key (tenant_id, id),
         unique (tenant_id, source, external_ref),
         unique (tenant_id, reverses_payment_id),
         foreign key (tenant_id, account_id) references accounts (tenant_id, id),
         foreign key (tenant_id, reverses_payment_id) references payments (tenant_id, id),
         check ((reverses_payment_id is null and amount > 0) or (reverses_payment_id is not null and amount < 0))
       )`,
      `create index payments_account on payments (tenant_id, account_id, paid_on)`,
      ...tenantRlsSql('payments'),
      `revoke update, delete, truncate on payments from qingshou_app`,

      // Denormalised "as of" snapshot, one row per account, for lists and reports. Written on
      // registration and on every payment now; the daily run will refresh it set-based.
      `create table account_balances (
         tenant_id uuid not null references tenants (id),
         account_id uuid not null,
         as_of date not null,
         overdue_principal numeric(18,2) not null,
         overdue_interest numeric(18,2) not null,
         due_today numeric(18,2) not null,
         penalty_interest numeric(18,2) not null,
         compound_interest numeric(18,2) not null,
         fees numeric(18,2) not null,
         total_due numeric(18,2) not null,
         outstanding_principal numeric(18,2) not null,
         overpayment numeric(18,2) not null,
         dpd int not null check (dpd >= 0),
         aging_bucket text not null,
         loan_class text not null check (loan_class in ('pass', 'special-mention', 'substandard', 'doubtful', 'loss')),
         refreshed_at timestamptz not null,
         primary key (tenant_id, account_id),
         foreign key (tenant_id, account_id) references accounts (tenant_id, id)
       )`,
      `create index account_balances_dpd on account_balances (tenant_id, dpd)`,
      ...tenantRlsSql('account_balances'),

      `create table related_parties (
         tenant_id uuid not null references tenants (id),
         id uuid not null,
         debtor_id uuid not null,
         account_id uuid,
         kind text not null check (kind in ('guarantor', 'co-borrower', 'emergency-contact')),
         relation text,
         party_type text not null default 'person' check (party_type in ('person', 'organisation')),
         name text not null check (length(name) between 1 and 200),
         id_number text check (id_number ~ '^[0-9A-Z]{18}$'),
         phone text,
         address text,
         created_at timestamptz not null,
         created_by text not null,
         primary key (tenant_id, id),
         foreign key (tenant_id, debtor_id) references debtors (tenant_id, id),
         foreign key (tenant_id, account_id) references accounts (tenant_id, id)
       )`,
      `create index related_parties_debtor on related_parties (tenant_id, debtor_id)`,
      ...tenantRlsSql('related_parties'),
    ];
    for (const statement of sql) this.addSql(statement);
  }
}
