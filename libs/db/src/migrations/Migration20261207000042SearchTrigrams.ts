import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 15 §1, the case search (案件查询 search box) at a million accounts: the box's fields
 * are looked up by index into a set of candidate case ids before visibility and the page's
 * joins, instead of testing every visible case against every field.
 * - `pg_trgm` (a trusted extension) and trigram GIN indexes on the two fields matched in
 *   part: the debtor's name and the account's contract number (`ilike '%…%'`);
 * - `debtors_phones`: a GIN index on the phone array, for the whole-phone match
 *   (`phones @> array[…]`). ID numbers, card numbers and the related parties' phones and ID
 *   numbers already have btree indexes.
 */
export class Migration20261207000042SearchTrigrams extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create extension if not exists pg_trgm`);
    this.addSql(`create index debtors_name_trgm on debtors using gin (name gin_trgm_ops)`);
    this.addSql(
      `create index accounts_external_ref_trgm on accounts using gin (external_ref gin_trgm_ops)`,
    );
    this.addSql(`create index debtors_phones on debtors using gin (phones)`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists debtors_phones`);
    this.addSql(`drop index if exists accounts_external_ref_trgm`);
    this.addSql(`drop index if exists debtors_name_trgm`);
  }
}
