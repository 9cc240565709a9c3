import { EntityManager } from '@mikro-orm/postgresql';
import { TenantTx } from '../../libs/db/src';
import { User } from '../../libs/tenancy/src';
import { createTenant, createUser, startTestApi, TestApi } from '../support/test-app';
import { connect } from '../support/test-db';

describe("tenant B's context on tenant A's ids finds and changes nothing (RLS)", () => {
  let api: TestApi;
  let tx: TenantTx;
  let tenantA: string;
  let tenantB: string;
  let userA: string;

  beforeAll(async () => {
    api = await startTestApi();
    tx = api.app.get(TenantTx);
    tenantA = await createTenant(api, 'tenant-a');
    tenantB = await createTenant(api, 'tenant-b');
    userA = await createUser(api, tenantA, 'alice', ['phone-collector']);
    await createUser(api, tenantB, 'bob', ['phone-collector']);
  });
  afterAll(async () => api.close());

  const asB = <T>(work: (em: EntityManager) => Promise<T>) => tx.run(tenantB, work);

  it('read by id through the ORM, even naming tenant A explicitly, returns null', async () => {
    expect(await asB((em) => em.findOne(User, { tenantId: tenantA, id: userA }))).toBeNull();
  });

  it('update and delete through the ORM affect 0 rows', async () => {
    expect(await asB((em) => em.nativeUpdate(User, { id: userA }, { displayName: 'pwned' }))).toBe(
      0,
    );
    expect(await asB((em) => em.nativeDelete(User, { id: userA }))).toBe(0);
  });

  it('a list with filters sees only tenant B', async () => {
    const users = await asB((em) => em.find(User, {}, { orderBy: { username: 'asc' } }));
    expect(users.map((u) => u.username)).toEqual(['bob']);
  });

  it('a QueryBuilder query filtering on tenant A returns nothing', async () => {
    const rows = await asB((em) =>
      em.createQueryBuilder(User).select('*').where({ tenantId: tenantA }).execute(),
    );
    expect(rows).toEqual([]);
  });

  it('raw SQL on the application role with tenant B set reads and writes nothing of A', async () => {
    const client = await connect(api.db.appUrl);
    try {
      await client.query('begin');
      await client.query(`select set_config('app.tenant_id', $1, true)`, [tenantB]);
      const read = await client.query('select * from users where tenant_id = $1', [tenantA]);
      const update = await client.query(`update users set display_name = 'x' where id = $1`, [
        userA,
      ]);
      const remove = await client.query('delete from users where id = $1', [userA]);
      await client.query('commit');
      expect([read.rowCount, update.rowCount, remove.rowCount]).toEqual([0, 0, 0]);
    } finally {
      await client.end();
    }
  });

  it('writing a row for tenant A while bound to B is refused by WITH CHECK', async () => {
    const client = await connect(api.db.appUrl);
    try {
      await client.query('begin');
      await client.query(`select set_config('app.tenant_id', $1, true)`, [tenantB]);
      await expect(
        client.query(
          `insert into users (tenant_id, id, username, display_name, password_hash, roles)
           values ($1, gen_random_uuid(), 'mallory', 'm', 'x', '{clerk}')`,
          [tenantA],
        ),
      ).rejects.toThrow(/row-level security/);
      await client.query('rollback');
    } finally {
      await client.end();
    }
  });

  it('the tenant setting ends with the transaction: the next one on the same connection sees nothing', async () => {
    const client = await connect(api.db.appUrl);
    try {
      await client.query('begin');
      await client.query(`select set_config('app.tenant_id', $1, true)`, [tenantA]);
      const inside = await client.query('select count(*)::int as n from users');
      await client.query('commit');
      const after = await client.query('select count(*)::int as n from users');
      expect([inside.rows[0].n, after.rows[0].n]).toEqual([1, 0]);
    } finally {
      await client.end();
    }
  });

  it('tenant A still has its user untouched after all of the above', async () => {
    const user = await tx.run(tenantA, (em) =>
      em.findOneOrFail(User, { tenantId: tenantA, id: userA }),
    );
    expect(user.displayName).toBe('alice');
  });
});
