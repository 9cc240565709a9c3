import {
  connect,
  createTestDatabase,
  PLATFORM_ROUTING_TABLES,
  TestDatabase,
} from '../support/test-db';

const routing = (table: string) => table in PLATFORM_ROUTING_TABLES;

describe('row-level security covers every tenant table (DESIGN §3)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db.drop());

  it('every table with a tenant_id column has FORCE RLS and a policy with USING and WITH CHECK', async () => {
    const owner = await connect(db.ownerUrl);
    try {
      const { rows } = await owner.query<{
        table_name: string;
        forced: boolean;
        enabled: boolean;
        policies: number;
        checked: number;
      }>(`
        select c.relname as table_name, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
               (select count(*) from pg_policies p where p.tablename = c.relname)::int as policies,
               (select count(*) from pg_policies p where p.tablename = c.relname
                  and p.qual is not null and p.with_check is not null)::int as checked
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p')
          and exists (select 1 from information_schema.columns col
                      where col.table_schema = 'public' and col.table_name = c.relname
                        and col.column_name = 'tenant_id')
        order by 1`);
      expect(rows.length).toBeGreaterThanOrEqual(5);
      const unprotected = rows.filter(
        (r) => !routing(r.table_name) && (!r.enabled || !r.forced || r.checked < 1),
      );
      expect(unprotected.map((r) => r.table_name)).toEqual([]);
    } finally {
      await owner.end();
    }
  });

  it('tenant_id leads the primary key of every tenant table', async () => {
    const owner = await connect(db.ownerUrl);
    try {
      const { rows } = await owner.query<{ table_name: string; first_col: string }>(`
        select c.relname as table_name, a.attname as first_col
        from pg_index i
        join pg_class c on c.oid = i.indrelid
        join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
        join pg_attribute a on a.attrelid = c.oid and a.attnum = i.indkey[0]
        where (i.indisprimary or i.indisunique)
          and exists (select 1 from information_schema.columns col
                      where col.table_schema = 'public' and col.table_name = c.relname
                        and col.column_name = 'tenant_id')`);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.filter((r) => !routing(r.table_name) && r.first_col !== 'tenant_id')).toEqual([]);
    } finally {
      await owner.end();
    }
  });

  it('a platform routing table outside RLS holds only its key, tenant and link (no personal data)', async () => {
    const owner = await connect(db.ownerUrl);
    try {
      for (const [table, columns] of Object.entries(PLATFORM_ROUTING_TABLES)) {
        const { rows } = await owner.query<{ column_name: string }>(
          `select column_name from information_schema.columns
            where table_schema = 'public' and table_name = $1 order by 1`,
          [table],
        );
        expect({ table, columns: rows.map((r) => r.column_name) }).toEqual({ table, columns });
      }
    } finally {
      await owner.end();
    }
  });

  it('the application role owns no table and cannot bypass RLS', async () => {
    const owner = await connect(db.ownerUrl);
    try {
      const role = await owner.query(
        `select rolsuper, rolbypassrls from pg_roles where rolname = 'qingshou_app'`,
      );
      expect(role.rows).toEqual([{ rolsuper: false, rolbypassrls: false }]);
      const owned = await owner.query(
        `select count(*)::int as n from pg_tables where tableowner = 'qingshou_app'`,
      );
      expect(owned.rows[0].n).toBe(0);
    } finally {
      await owner.end();
    }
  });
});
