import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { ormOptions } from './orm-options';

/** Creates the database named in the owner URL when it is missing (first start). */
export async function ensureDatabase(ownerUrl: string): Promise<boolean> {
  const url = new URL(ownerUrl);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount) return false;
    await client.query(`create database "${name.replace(/"/g, '""')}"`);
    return true;
  } finally {
    await client.end();
  }
}

/** Applies pending migrations as the owner; returns the names applied. */
export async function migrate(ownerUrl: string): Promise<string[]> {
  await ensureDatabase(ownerUrl);
  const orm = await MikroORM.init(ormOptions(ownerUrl, { pool: { min: 0, max: 2 } }));
  try {
    const applied = await orm.getMigrator().up();
    return applied.map((m) => m.name);
  } finally {
    await orm.close(true);
  }
}
