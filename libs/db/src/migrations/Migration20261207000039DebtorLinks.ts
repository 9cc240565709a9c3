import { Migration } from '@mikro-orm/migrations';
import { tenantRlsSql } from './tenant-rls.sql';

const DEFERRED = 'deferrable initially deferred';

/**
 * 自助页面 (issue 16 §3): a link to the debtor's own page. The token (32 random bytes) is never
 * stored, only its sha256; `debtor_link_routes` maps that hash to its tenant, the one thing an
 * anonymous request must learn before RLS can bind it (like `tenants`, a platform table that
 * holds nothing personal). Wrong answers count on the link and lock it for the pack's minutes;
 * the one-time code is stored hashed with its expiry. Revoked by the office or with the case.
 */
export class Migration20261207000039DebtorLinks extends Migration {
  override async up(): Promise<void> {
    const sql = [
      `create table debtor_link_routes (
         token_hash text primary key check (token_hash ~ '^[0-9a-f]{64}$'),
         tenant_id uuid not null references tenants (id),
         link_id uuid not null
       )`,
      `revoke update on debtor_link_routes from qingshou_app`,
      `create table debtor_links (tenant_id uuid not null references tenants (id),
         id uuid not null,
         case_id uuid not null,
         debtor_id uuid not null,
         token_hash text not null,
         channel text not null check (channel in ('letter-qr', 'sms', 'console')),
         notice_id uuid,
         issued_by text not null,
         issued_at timestamptz not null,
         expires_at timestamptz not null,
         revoked_at timestamptz,
         revoked_by text,
         wrong_tries integer not null default 0 check (wrong_tries >= 0),
         locked_until timestamptz,
         code_hash text,
         code_expires_at timestamptz,
         verified_at timestamptz,
         primary key (tenant_id, id),
         unique (tenant_id, token_hash),
         foreign key (tenant_id, case_id) references cases (tenant_id, id) ${DEFERRED},
         foreign key (tenant_id, debtor_id) references debtors (tenant_id, id) ${DEFERRED})`,
      ...tenantRlsSql('debtor_links'),
      `create index debtor_links_case on debtor_links (tenant_id, case_id)`,
      // One letter's QR is one link: printing the letter again shows the same code.
      `create unique index debtor_links_notice on debtor_links (tenant_id, notice_id)
         where notice_id is not null`,
    ];
    for (const statement of sql) this.addSql(statement);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table debtor_links`);
    this.addSql(`drop table debtor_link_routes`);
  }
}
