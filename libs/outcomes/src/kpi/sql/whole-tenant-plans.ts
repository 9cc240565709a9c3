import { EntityManager } from '@mikro-orm/postgresql';

/**
 * For the rest of the transaction, joins are planned as hash or merge joins, never nested
 * loops. For a step that runs many whole-tenant KPI statements right after the nightly run
 * wrote the day's cases, tasks and case links: autovacuum has not analyzed those tables yet
 * (and the app role, not their owner, may not ANALYZE), so PostgreSQL estimates a tenant's
 * ~1,000 new cases as 1 row and loops over them once per unit — the school's defaultRate per
 * collector took 19.7 s of a 10,000-account night, 0.1 s with fresh statistics. Every such
 * statement reads the whole tenant, so a hash join is the right plan whatever the estimate;
 * correlated subqueries (index lookups per row) are not joins and stay as they are.
 */
export async function planForWholeTenant(em: EntityManager): Promise<void> {
  await em.execute(`set local enable_nestloop = off`);
}
