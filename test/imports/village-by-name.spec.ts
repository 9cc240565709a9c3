import { resolve } from 'node:path';
import { FIXTURES, ImportKit, startImportKit } from './support/import-kit';

/**
 * A co-op's ledger codes its villages (V01 前营村 …); the bad-loan list the office exports
 * writes 村组 by name. The import finds the village by code or by name and makes a group only
 * for a name it does not know — the console walk found five villages twice after the sample.
 */
describe('村组 by name lands in the village the tenant already has (no duplicate groups)', () => {
  let kit: ImportKit;
  beforeAll(async () => {
    kit = await startImportKit('coop-villages');
    // Two of the file's five villages, under the codes the co-op's ledger gave them.
    await kit.owner.query(
      `insert into debtor_groups (tenant_id, id, type, code, name, created_at)
       values ($1, gen_random_uuid(), 'village', 'V01', '前营村', now()),
              ($1, gen_random_uuid(), 'village', 'V02', '北岭村', now())`,
      [kit.tenantId],
    );
  });
  afterAll(async () => kit.close());

  it('前营村 (11 rows) joins V01 and 北岭村 (7) joins V02; the other three villages are made once', async () => {
    const view = await kit.importFile(
      resolve(FIXTURES, 'coop-npl-loans.csv'),
      'accounts',
      'coop-npl',
    );
    expect(view).toMatchObject({ status: 'succeeded', rowsOk: 40, rowsFailed: 0 });
    const { rows } = await kit.owner.query<{ code: string; name: string; members: number }>(
      `select g.code, g.name, count(m.debtor_id)::int as members
       from debtor_groups g
       left join debtor_group_members m on m.tenant_id = g.tenant_id and m.group_id = g.id
       where g.tenant_id = $1 and g.type = 'village'
       group by g.code, g.name`,
      [kit.tenantId],
    );
    expect(rows).toHaveLength(5);
    expect(rows).toEqual(
      expect.arrayContaining([
        { code: 'V01', name: '前营村', members: 11 },
        { code: 'V02', name: '北岭村', members: 7 },
        { code: '东庄村', name: '东庄村', members: 6 },
        { code: '南坡村', name: '南坡村', members: 11 },
        { code: '西河村', name: '西河村', members: 5 },
      ]),
    );
    // Imported again: nothing new, nobody in two villages.
    await kit.importFile(resolve(FIXTURES, 'coop-npl-loans.csv'), 'accounts', 'coop-npl');
    expect(await kit.count('debtor_groups', `type = 'village'`)).toBe(5);
    expect(await kit.count('debtor_group_members')).toBe(40);
  });
});
