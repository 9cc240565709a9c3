import { Client } from 'pg';
import { migrate } from '../../libs/db/src/migrator';
import { ADMIN_URL, TEMPLATE_DB, urlFor } from './test-db-names';

/**
 * Once per jest run: a freshly migrated template database. Each integration file clones it
 * (`createTestDatabase`), so files run in parallel without sharing rows.
 */
export default async function globalSetup(): Promise<void> {
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    const stale = await admin.query<{ datname: string }>(
      `select datname from pg_database where datname like 'qs_test_%'`,
    );
    for (const { datname } of stale.rows) {
      await admin.query(`drop database if exists "${datname}" with (force)`);
    }
  } finally {
    await admin.end();
  }
  await migrate(urlFor(TEMPLATE_DB));
}
