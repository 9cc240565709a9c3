import { resolve } from 'node:path';
import { QueryBus } from '@nestjs/cqrs';
import { AddGroupMember } from '../../libs/ledger/src';
import { ListFigureCauses } from '../../apps/api/src/console/queries/list-figure-causes/list-figure-causes.query';
import { FIXTURES, ImportKit, startImportKit } from './support/import-kit';

/**
 * Issue 13 §2: one rule for every group type (groupMatchSql) — a value names a group by its
 * code or, failing that, by its name, so an office's file written by name (某某县第一中学,
 * 某科技有限公司) joins the school or employer the ledger holds under a code, and a debtor
 * added by hand under a village's name (前营村) joins V01; only an unknown value makes a group.
 */
describe('schools, employers and villages are found by code or name, never made twice', () => {
  let kit: ImportKit;
  const groups = async (type: string) =>
    (
      await kit.owner.query<{ code: string; name: string; members: number }>(
        `select g.code, g.name, count(m.debtor_id)::int as members
         from debtor_groups g
         left join debtor_group_members m on m.tenant_id = g.tenant_id and m.group_id = g.id
         where g.tenant_id = $1 and g.type = $2
         group by g.code, g.name order by g.code`,
        [kit.tenantId, type],
      )
    ).rows;

  beforeAll(async () => {
    kit = await startImportKit('groups-any-type');
    await kit.owner.query(
      `insert into debtor_groups (tenant_id, id, type, code, name, created_at)
       values ($1, gen_random_uuid(), 'school', 'S01', '某某县第一中学', now()),
              ($1, gen_random_uuid(), 'employer', 'E01', '某科技有限公司', now()),
              ($1, gen_random_uuid(), 'village', 'V01', '前营村', now())`,
      [kit.tenantId],
    );
  }, 120_000);
  afterAll(async () => kit.close());

  it('高中学校 by name: 某某县第一中学 (25 students) joins S01; 某某县第二中学 (15) is made once', async () => {
    const view = await kit.importFile(
      resolve(FIXTURES, 'student-loans.csv'),
      'accounts',
      'student-loans',
    );
    expect(view).toMatchObject({ status: 'succeeded', rowsFailed: 0 });
    expect(await groups('school')).toEqual([
      { code: 'S01', name: '某某县第一中学', members: 25 },
      { code: '某某县第二中学', name: '某某县第二中学', members: 15 },
    ]);
  });

  it('单位名称 by name: 某科技有限公司 (7 cardholders) joins E01; no second 某科技有限公司', async () => {
    const view = await kit.importFile(
      resolve(FIXTURES, 'card-agency-cases.gbk.csv'),
      'cases',
      'card-cases',
      { encoding: 'gbk' },
    );
    expect(view).toMatchObject({ status: 'succeeded' });
    // Issue 13 §2: the dashboard names each import beside its charts (导入 N 户).
    const causes = await kit.api.app.get(QueryBus).execute(
      new ListFigureCauses(
        {
          tenantId: kit.tenantId,
          actorId: 'test-manager',
          correlationId: 'c',
          roles: ['manager'],
        },
        '2000-01-01',
        '2100-12-31',
      ),
    );
    expect(causes.filter((c: { kind: string }) => c.kind === 'import')).toEqual([
      expect.objectContaining({ count: 40, to: 'student-loans.csv' }),
      expect.objectContaining({ count: 30, to: 'card-agency-cases.gbk.csv' }),
    ]);
    const employers = await groups('employer');
    expect(employers.filter((g) => g.name === '某科技有限公司')).toEqual([
      { code: 'E01', name: '某科技有限公司', members: 7 },
    ]);
  });

  it('a debtor added by hand to village 前营村 joins V01; to V01 also V01; to 北岭村 makes one new village', async () => {
    const { rows } = await kit.owner.query<{ id: string }>(
      `select id from debtors where tenant_id = $1 order by id limit 2`,
      [kit.tenantId],
    );
    const meta = {
      tenantId: kit.tenantId,
      actorId: 'test-clerk',
      correlationId: 'test-groups',
      roles: ['manager' as const],
    };
    const add = (debtorId: string, code: string) =>
      kit.api.commands.execute(
        new AddGroupMember(meta, debtorId, { type: 'village', code, name: code }),
      );
    await add(rows[0].id, '前营村');
    await add(rows[1].id, ' V01 ');
    await add(rows[1].id, '北岭村');
    expect(await groups('village')).toEqual([
      { code: 'V01', name: '前营村', members: 2 },
      { code: '北岭村', name: '北岭村', members: 1 },
    ]);
  });
});
