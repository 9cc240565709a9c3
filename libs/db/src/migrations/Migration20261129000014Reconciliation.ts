import { Migration } from '@mikro-orm/migrations';
import { tenantRlsSql } from './tenant-rls.sql';

/**
 * Reconciliation with the client's repayment file (篇八: "按照和银行合作协议约定的时间和银行对账").
 *
 * client_receipts: every receipt of a client's (the bank's) repayment file, once per
 * (source, 银行流水号), linked to exactly one of
 * - matched_payment_id: the payment the agency had already recorded for the same money
 *   (same account, same amount, dates within the pack's window) — the bank confirms it, and
 *   nothing is booked a second time;
 * - mismatched_payment_id: an agency payment of the same account within the window but of
 *   another amount — held for the assistant to resolve, not booked (booking it would count
 *   the debtor's money twice);
 * - booked_payment_id: the payment booked for money the agency had not recorded.
 * Each agency payment is confirmed by at most one receipt (the unique keys). Append-only, as
 * payments are: a correction is a reversal in the ledger, never an edit here.
 */
export class Migration20261129000014Reconciliation extends Migration {
  override async up(): Promise<void> {
    const sql = [
      `create table client_receipts (
         tenant_id uuid not null references tenants (id),
         id uuid not null,
         source text not null check (length(source) between 1 and 64),
         external_ref text not null check (length(external_ref) between 1 and 160),
         account_id uuid not null,
         paid_on date not null,
         amount numeric(18,2) not null check (amount > 0),
         import_id uuid,
         matched_payment_id uuid,
         mismatched_payment_id uuid,
         booked_payment_id uuid,
         recorded_by text not null,
         recorded_at timestamptz not null,
         primary key (tenant_id, id),
         unique (tenant_id, source, external_ref),
         unique (tenant_id, matched_payment_id),
         unique (tenant_id, mismatched_payment_id),
         unique (tenant_id, booked_payment_id),
         foreign key (tenant_id, account_id) references accounts (tenant_id, id),
         foreign key (tenant_id, import_id) references imports (tenant_id, id),
         foreign key (tenant_id, matched_payment_id) references payments (tenant_id, id),
         foreign key (tenant_id, mismatched_payment_id) references payments (tenant_id, id),
         -- Deferred: the receipt and the payment booked for it are written by one statement.
         foreign key (tenant_id, booked_payment_id) references payments (tenant_id, id)
           deferrable initially deferred,
         check (num_nonnulls(matched_payment_id, mismatched_payment_id, booked_payment_id) = 1)
       )`,
      `create index client_receipts_paid_on on client_receipts (tenant_id, paid_on, account_id)`,
      ...tenantRlsSql('client_receipts'),
      `revoke update, delete, truncate on client_receipts from qingshou_app`,
    ];
    for (const statement of sql) this.addSql(statement);
  }
}
