import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 11 §1, 案件查询: btree indexes for the search box's exact matches and the pool's
 * per-case lookups, so a search in a tenant of a hundred thousand debtors reads a few rows.
 * - a contract/card number typed whole (the unique key leads with `source`, which the person
 *   does not know);
 * - a guarantor's or parent's phone or ID number (related_parties);
 * - live flags of a debtor or account (the flag column and filter);
 * - a case's open tasks by due time (next action column, sort and filter).
 * debtors.id_number has its unique key already; debtors.phones is an array, matched with
 * `= any(...)` per visible case (no pg_trgm, no GIN: see the brief, btree only).
 */
export class Migration20261207000020CasePool extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index accounts_external_ref on accounts (tenant_id, external_ref)`);
    this.addSql(
      `create index related_parties_phone on related_parties (tenant_id, phone) where phone is not null`,
    );
    this.addSql(
      `create index related_parties_id_number on related_parties (tenant_id, id_number)
         where id_number is not null`,
    );
    this.addSql(
      `create index pack_flags_subject on pack_flags (tenant_id, subject_id) where cleared_on is null`,
    );
    this.addSql(
      `create index tasks_case_open_due on tasks (tenant_id, case_id, due_at) where status = 'open'`,
    );
  }

  override async down(): Promise<void> {
    for (const index of [
      'accounts_external_ref',
      'related_parties_phone',
      'related_parties_id_number',
      'pack_flags_subject',
      'tasks_case_open_due',
    ]) {
      this.addSql(`drop index if exists ${index}`);
    }
  }
}
