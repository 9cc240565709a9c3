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
 * - Under row-level security PostgreSQL will not use an index for an operator that is not
 *   leakproof (`ilike`, `@>`): the tenant's policy is checked first, row by row — a
 *   million-row scan. Two SECURITY DEFINER functions, owned by the tables' owner, answer
 *   those two lookups by index, each bound to `current_tenant_id()` exactly as the
 *   policy is (no tenant bound: nothing), and return ids only: what the caller may then
 *   read still goes through RLS.
 */
export class Migration20261207000042SearchTrigrams extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create extension if not exists pg_trgm`);
    this.addSql(`create index debtors_name_trgm on debtors using gin (name gin_trgm_ops)`);
    this.addSql(
      `create index accounts_external_ref_trgm on accounts using gin (external_ref gin_trgm_ops)`,
    );
    this.addSql(`create index debtors_phones on debtors using gin (phones)`);
    this.addSql(
      `create or replace function search_debtor_ids(name_like text, phone text) returns setof uuid
         language sql stable security definer set search_path = pg_catalog, public as $$
           select d.id from debtors d
           where d.tenant_id = current_tenant_id()
             and (d.name ilike name_like or d.phones @> array[phone]) $$`,
    );
    this.addSql(
      `create or replace function search_account_ids(ref_like text) returns setof uuid
         language sql stable security definer set search_path = pg_catalog, public as $$
           select a.id from accounts a
           where a.tenant_id = current_tenant_id() and a.external_ref ilike ref_like $$`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists search_account_ids(text)`);
    this.addSql(`drop function if exists search_debtor_ids(text, text)`);
    this.addSql(`drop index if exists debtors_phones`);
    this.addSql(`drop index if exists accounts_external_ref_trgm`);
    this.addSql(`drop index if exists debtors_name_trgm`);
  }
}
