import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 15 §2: the nightly run refreshes the planner's statistics of the tables it has just
 * bulk-written before its whole-tenant statements. Open-cases and evaluate-cases insert a
 * day's cases, links, assignments and tasks in a few statements; autovacuum analyzes them a
 * minute later or not at all, and the flags, ratings and KPI statements that follow were
 * planned on the old statistics: a tenant's ~1,000 new cases estimated as 1 row and looped
 * over once per unit (the school's defaultRate per collector: 19.7 s of a 10,000-account
 * night, 0.1 s after ANALYZE). ANALYZE needs the tables' owner and the app role owns nothing,
 * so a SECURITY DEFINER function owned by the owner analyzes exactly these four tables (no
 * argument, nothing read or returned: statistics only, no tenant's rows).
 */
export class Migration20261207000043RunStatistics extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create or replace function refresh_run_statistics() returns void
         language plpgsql security definer set search_path = pg_catalog, public as $$
         begin
           analyze cases, case_accounts, case_assignments, tasks;
         end $$`,
    );
    this.addSql(`revoke all on function refresh_run_statistics() from public`);
    this.addSql(`grant execute on function refresh_run_statistics() to qingshou_app`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists refresh_run_statistics()`);
  }
}
