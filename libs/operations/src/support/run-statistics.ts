import { EntityManager } from '@mikro-orm/postgresql';

/**
 * Refreshes the planner's statistics of the tables the run has just bulk-written (cases,
 * case links, assignments, tasks; migration 43), in its own short transaction, before the
 * flags, ratings and KPI statements that read them whole: on autovacuum's stale figures
 * PostgreSQL took a tenant's ~1,000 new cases for 1 row and looped over them per unit (the
 * school's defaultRate per collector, 19.7 s of a 10,000-account night; 0.1 s after). Tried
 * first and dropped: planning those statements without nested loops — a KPI statement's
 * correlated lookups then hashed the whole recovery table once per account (over 20 min).
 */
export async function refreshRunStatistics(em: EntityManager): Promise<void> {
  await em.execute(`select refresh_run_statistics()`);
}
