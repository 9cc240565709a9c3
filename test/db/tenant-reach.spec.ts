import { connect, createTestDatabase, TestDatabase } from '../support/test-db';

/**
 * DESIGN §3: every tenant row names a tenant that exists. Migration 37 (ScaleOut) dropped the direct
 * `tenant_id → tenants` key where a NOT NULL `(tenant_id, parent_id)` key already carries the
 * tenant through the parent; this checks that every tenant table still reaches `tenants`,
 * directly or through such a chain, and that the chains are the only thing dropped.
 */
describe('every tenant table reaches tenants by a foreign key, directly or through its parent', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db.drop());

  it('a table without its own tenant key has a NOT NULL (tenant_id, …) key to a table that reaches tenants', async () => {
    const owner = await connect(db.ownerUrl);
    try {
      const { rows } = await owner.query<{ table_name: string; parent: string | null }>(`
        with recursive tenant_tables as (
          select c.oid, c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
           where n.nspname = 'public' and c.relkind in ('r', 'p')
             and exists (select 1 from pg_attribute a where a.attrelid = c.oid
                          and a.attname = 'tenant_id' and not a.attisdropped)),
        carried as (
          -- composite keys that lead with tenant_id and are never switched off by a NULL
          select o.conrelid, o.confrelid from pg_constraint o
           where o.contype = 'f'
             and (select attname from pg_attribute
                   where attrelid = o.conrelid and attnum = o.conkey[1]) = 'tenant_id'
             and not exists (select 1 from pg_attribute a where a.attrelid = o.conrelid
                              and a.attnum = any (o.conkey) and not a.attnotnull)),
        reach as (
          select o.conrelid as oid from pg_constraint o
           where o.contype = 'f' and o.confrelid = 'tenants'::regclass
          union
          select k.conrelid from carried k join reach r on r.oid = k.confrelid)
        select t.relname as table_name,
               (select string_agg(k.confrelid::regclass::text, ',') from carried k
                 where k.conrelid = t.oid) as parent
          from tenant_tables t
         where t.relname <> 'tenants' and t.oid not in (select oid from reach)
         order by 1`);
      expect(rows).toEqual([]);
    } finally {
      await owner.end();
    }
  });

  it('installments no longer carry their own tenant key; accounts guard them within the tenant', async () => {
    const owner = await connect(db.ownerUrl);
    try {
      const { rows } = await owner.query<{ def: string }>(
        `select pg_get_constraintdef(oid) as def from pg_constraint
          where conrelid = 'installments'::regclass and contype = 'f' order by 1`,
      );
      expect(rows.map((r) => r.def)).toEqual([
        'FOREIGN KEY (tenant_id, account_id) REFERENCES accounts(tenant_id, id)',
      ]);
    } finally {
      await owner.end();
    }
  });
});
