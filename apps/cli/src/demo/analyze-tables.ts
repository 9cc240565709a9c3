import { Client } from 'pg';

/**
 * Refreshes PostgreSQL's planner statistics after the seeder's set-based writes. Tables
 * filled in a few statements keep the statistics they had empty until autovacuum comes by (a
 * minute later, or never where it is off, as on the CI machine), and the KPI statements then
 * plan nested loops over thousands of rows: 14 days of SnapshotKpis on a 300-account school
 * took 45 s, 1 s after ANALYZE. It needs the tables' owner (the app role may not), hence the
 * owner's URL; the whole database, since the activity and events tables grow too.
 */
export async function analyzeDatabase(ownerUrl: string): Promise<void> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('analyze');
  } finally {
    await client.end();
  }
}
