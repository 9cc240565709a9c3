import { Client } from 'pg';
import {
  connect,
  createTestDatabase,
  PLATFORM_ROUTING_TABLES,
  TestDatabase,
} from '../support/test-db';

/** Every tenant table, from the catalogue, so a new table is covered without editing this. */
async function tenantTables(owner: Client): Promise<string[]> {
  const { rows } = await owner.query<{ table_name: string }>(
    `select table_name from information_schema.columns
     where table_schema = 'public' and column_name = 'tenant_id' order by 1`,
  );
  return rows.map((r) => r.table_name).filter((t) => !(t in PLATFORM_ROUTING_TABLES));
}

describe('with no tenant set, every tenant table reads zero rows and refuses writes', () => {
  let db: TestDatabase;
  let tables: string[];

  beforeAll(async () => {
    db = await createTestDatabase();
    const owner = await connect(db.ownerUrl);
    tables = await tenantTables(owner);
    // Seed one row in every table as the owner, who bypasses RLS, so "zero rows" means hidden.
    const tenant = '11111111-1111-4111-8111-111111111111';
    await owner.query(
      `insert into tenants (id, slug, name, kind) values ($1, 'seeded', 's', 'leasing')`,
      [tenant],
    );
    await owner.query(
      `insert into users (tenant_id, id, username, display_name, password_hash, roles)
                       values ($1, gen_random_uuid(), 'u', 'u', 'x', '{clerk}')`,
      [tenant],
    );
    await owner.end();
  });
  afterAll(async () => db.drop());

  it('SELECT returns zero rows from each table, unset or set to empty', async () => {
    const app = await connect(db.appUrl);
    try {
      for (const setting of [null, '']) {
        await app.query('begin');
        if (setting !== null)
          await app.query(`select set_config('app.tenant_id', $1, true)`, [setting]);
        for (const table of tables) {
          const { rows } = await app.query(`select count(*)::int as n from "${table}"`);
          expect({ table, n: rows[0].n }).toEqual({ table, n: 0 });
        }
        await app.query('commit');
      }
    } finally {
      await app.end();
    }
    expect(tables).toEqual(expect.arrayContaining(['users', 'event_log', 'outbox']));
  });

  it('INSERT into each table is refused by row-level security', async () => {
    const app = await connect(db.appUrl);
    try {
      for (const table of tables) {
        await app.query('begin');
        await app.query('savepoint s');
        const attempt = app.query(
          `insert into "${table}" (tenant_id) values ('11111111-1111-4111-8111-111111111111')`,
        );
        await expect(attempt).rejects.toThrow(/row-level security|permission denied/);
        await app.query('rollback');
      }
    } finally {
      await app.end();
    }
  });

  it('UPDATE and DELETE change nothing', async () => {
    const app = await connect(db.appUrl);
    try {
      const update = await app.query(`update users set display_name = 'x'`);
      const remove = await app.query(`delete from users`);
      expect([update.rowCount, remove.rowCount]).toEqual([0, 0]);
    } finally {
      await app.end();
    }
  });
});
