import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { AppConfig, loadAppConfig } from '../../libs/core/src';
import { ADMIN_URL, runPrefix, templateDb, urlFor } from './test-db-names';

/**
 * Platform tables that carry a tenant id yet sit outside row-level security on purpose: an
 * anonymous request (the debtor's own page) reads one to learn which tenant to bind before RLS
 * can apply, as login reads `tenants`. Each holds no personal data (test/db/rls-meta.spec.ts
 * pins their columns); every other table with a tenant_id is under RLS.
 */
export const PLATFORM_ROUTING_TABLES: Record<string, string[]> = {
  debtor_link_routes: ['link_id', 'tenant_id', 'token_hash'],
};

export interface TestDatabase {
  readonly name: string;
  /** Owner URL (superuser): for fixtures and for checking what really is in the tables. */
  readonly ownerUrl: string;
  /** The app role's URL: RLS applies. */
  readonly appUrl: string;
  readonly config: AppConfig;
  drop(): Promise<void>;
}

/** A database of its own for one test file, cloned from the migrated template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = templateDb();
  return cloneDatabase(
    template,
    `${runPrefix(template)}_${process.pid}_${randomBytes(4).toString('hex')}`,
  );
}

/**
 * A second database with the same rows as `source` (e.g. to compare a killed run with an
 * uninterrupted one); nobody may be connected to `source` while it is copied.
 */
export async function cloneTestDatabase(source: TestDatabase): Promise<TestDatabase> {
  return cloneDatabase(source.name, `${source.name}_b`);
}

async function cloneDatabase(template: string, name: string): Promise<TestDatabase> {
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`create database "${name}" template "${template}"`);
  } finally {
    await admin.end();
  }
  const scratch = join(tmpdir(), 'qingshou-test', name);
  const config = loadAppConfig({
    DATABASE_URL: urlFor(name),
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    REDIS_KEY_PREFIX: `${name}:`,
    // Files this test writes (notice sink, uploads, demo logins) stay out of the working tree.
    NOTICE_OUTBOX_DIR: join(scratch, 'outbox'),
    STORAGE_DIR: join(scratch, 'storage'),
    DEMO_CREDENTIALS_FILE: join(scratch, 'demo-credentials.txt'),
    RECORDINGS_ARCHIVE_DIR: join(scratch, 'recordings-archive'),
  });
  return {
    name,
    ownerUrl: urlFor(name),
    appUrl: config.appDatabaseUrl,
    config,
    async drop() {
      const c = new Client({ connectionString: ADMIN_URL });
      await c.connect();
      try {
        await c.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await c.end();
      }
      await rm(scratch, { recursive: true, force: true });
    },
  };
}

/** A plain pg client, for raw SQL checks as owner or as the app role. */
export async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}
