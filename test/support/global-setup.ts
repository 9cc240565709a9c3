import { Client } from 'pg';
import { migrate } from '../../libs/db/src/migrator';
import { ADMIN_URL, urlFor } from './test-db-names';

const STALE_AFTER_SECONDS = 3 * 3600;

/**
 * Once per jest run: a freshly migrated template database. Each integration file clones it
 * (`createTestDatabase`), so files run in parallel without sharing rows. Databases left by
 * runs that died hours ago are dropped; a run still going is left alone.
 */
export default async function globalSetup(): Promise<void> {
  const now = Math.floor(Date.now() / 1000);
  // The jest process's id too: two runs started in the same second (two terminals, two
  // helpers) made the same template and the second one's setup failed on the duplicate name.
  const template = `qs_t${now}_${process.pid}_tpl`;
  process.env.QS_TEST_TEMPLATE = template;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(
      `select datname from pg_database where datname ~ '^qs_t[0-9]+_'`,
    );
    for (const { datname } of rows) {
      const started = Number(/^qs_t(\d+)_/.exec(datname)?.[1] ?? now);
      if (now - started > STALE_AFTER_SECONDS) {
        await admin.query(`drop database if exists "${datname}" with (force)`);
      }
    }
  } finally {
    await admin.end();
  }
  await migrate(urlFor(template));
}
