import { QueryBus } from '@nestjs/cqrs';
import type { CollectionTestApi } from '../collection/support/collection-api';
import { tenantWithUsers } from '../collection/support/fixtures';
import { TenantTx } from '../../libs/db/src';
import { LaunchDrive, MetricCalculator, SnapshotKpis } from '../../libs/outcomes/src';
import { pinnedPack } from '../../libs/outcomes/src/kpi/support/pinned-pack';
import { ratingTables } from '../../libs/reporting/src/document/rating-table';
import { ListFigureCauses } from '../../apps/api/src/console/queries/list-figure-causes/list-figure-causes.query';
import { bearer, borrower, installPack, meta, pay, startKpiApi } from './support/kpi-fixtures';

/**
 * 篇三 (+第二篇) as the co-op's leader reads it (issue 13 §1, §2): 清收计划完成率 counts only what
 * the drive recovered — before a drive there is no figure (measuring the year instead made
 * 55% fall to 8.69% on launch day); each village against its own plan (kpi_inputs), 0% when
 * it has recovered nothing; 不良贷款率 per village with the 信用村 verdict (≤ 10%) in the
 * credit-village report; and the dashboard names why a figure moved (the drive, a plan).
 *
 * Book (0% loans, so a payment is principal): 前营村 9,000.00 current + 1,000.00 due 2012-01-01
 * (paid 250.00 on 08-01, in the drive); 北岭村 8,000.00 current + 2,000.00 due 2012-01-01 (paid
 * 500.00 on 03-01, before it). Drive launched 2012-05-15; today 2012-08-13.
 */
describe('co-op drive figures: no figure before the drive, plans per village, NPL and 信用村 verdict', () => {
  let api: CollectionTestApi;
  let tenantId: string;
  let token: string;
  let office: string;
  const compute = (metric: string, args: Record<string, unknown>, per: string, asOf: string) =>
    api.app.get(TenantTx).run(tenantId, async (em) => {
      const ctx = { tenantId, timeZone: 'Asia/Shanghai', pack: await pinnedPack(em, tenantId) };
      const result = await api.app
        .get(MetricCalculator)
        .compute(em, ctx, { metric, args, asOf, per });
      return result.values.map((v) => [v.groupCode, v.numerator, v.value]);
    });

  beforeAll(async () => {
    api = await startKpiApi({ now: '2012-08-13T10:00:00+08:00' });
    const setup = await tenantWithUsers(api, 'coop-figures', {
      chief: ['manager'],
      office: ['supervisor'],
    });
    tenantId = setup.tenantId;
    token = setup.users.chief.token;
    office = setup.users.office.token;
    await installPack(api, tenantId, 'credit-coop-npl-drive', {
      launchDate: '2012-05-15',
      amnestyDate: '2012-07-31',
      recoveryPlan: '1000.00',
    });
    const loan = (name: string, village: string, principal: string, dueOn: string) =>
      borrower(api, tenantId, {
        name,
        principal,
        startDate: '2010-01-01',
        dueOn,
        groups: [{ type: 'village', code: village }],
      });
    await loan('甲一', '前营村', '9000.00', '2013-01-01');
    const jia = await loan('甲二', '前营村', '1000.00', '2012-01-01');
    await loan('乙一', '北岭村', '8000.00', '2013-01-01');
    const yi = await loan('乙二', '北岭村', '2000.00', '2012-01-01');
    await pay(api, tenantId, yi.accountId, '2012-03-01', '500.00');
    await pay(api, tenantId, jia.accountId, '2012-08-01', '250.00');
  }, 120_000);
  afterAll(async () => api.close());

  it('no drive launched: recoveredVsPlan (period drive) has no figure, not the year’s 750.00; launched 05-15: 250.00 of 1,000.00', async () => {
    const args = { plan: '1000.00', period: 'drive' };
    expect(await compute('recoveredVsPlan', args, 'tenant', '2012-08-13')).toEqual([]);
    expect(await compute('recoveredAmount', { period: 'year' }, 'tenant', '2012-08-13')).toEqual([
      ['tenant', '750.00', '750.00'],
    ]);
    await api.commands.execute(new LaunchDrive(meta(tenantId), 'npl-drive', '2012-05-15'));
    expect(await compute('recoveredVsPlan', args, 'tenant', '2012-08-13')).toEqual([
      ['tenant', '250.00', '0.25'],
    ]);
    // The day before the launch still has no drive figure.
    expect(await compute('recoveredVsPlan', args, 'tenant', '2012-05-14')).toEqual([]);
  });

  it('plans per village (kpi_inputs): 前营村 250.00 of 500.00 = 50.00%; 北岭村 nothing since launch of 400.00 = 0.00% (not 无数据)', async () => {
    const villages = await api.app
      .get(TenantTx)
      .run(tenantId, (em) =>
        em.execute<{ id: string; code: string }[]>(
          `select id, code from debtor_groups where tenant_id = ? and type = 'village'`,
          [tenantId],
        ),
      );
    const plan: Record<string, string> = { 前营村: '500.00', 北岭村: '400.00' };
    for (const v of villages) {
      await api
        .http()
        .post('/api/v1/kpi/inputs')
        .set(bearer(token))
        .send({
          input: 'recovery-plan',
          groupType: 'village',
          groupId: v.id,
          periodStart: '2012-05-15',
          periodEnd: '2012-12-31',
          amount: plan[v.code],
        })
        .expect(201);
    }
    const response = await api
      .http()
      .get('/api/v1/targets?asOf=2012-08-13&groupType=village')
      .set(bearer(token))
      .expect(200);
    const results = response.body.targets.find((t: { id: string }) => t.id === 'recovery').results;
    const byVillage = Object.fromEntries(
      results.map((r: { groupCode: string }) => [r.groupCode, r]),
    );
    expect(byVillage['前营村']).toMatchObject({ display: '50.00%', denominator: '500.00' });
    expect(byVillage['北岭村']).toMatchObject({ display: '0.00%', denominator: '400.00' });
  });

  it('不良贷款率: 前营村 750.00 of 9,750.00 = 7.69% 信用村达标, 北岭村 1,500.00 of 9,500.00 = 15.79% 不达标; whole unit 2,250.00 of 19,250.00 = 11.69%', async () => {
    expect(await compute('nplRatio', {}, 'tenant', '2012-08-13')).toEqual([
      ['tenant', '2250.00', expect.stringMatching(/^0\.11688/)],
    ]);
    const tables = await api.app.get(TenantTx).run(tenantId, async (em) => {
      const pack = await pinnedPack(em, tenantId);
      const report = pack.spec.reports.find((r) => r.id === 'credit-villages')!;
      const ctx = { tenantId, timeZone: 'Asia/Shanghai', pack };
      return ratingTables(em, api.app.get(MetricCalculator), ctx, report, '2012-08-13');
    });
    expect(tables).toHaveLength(1);
    expect(tables[0].headers.map((h) => h.zh)).toEqual(['村', '实际值', '评定标准', '评定结果']);
    expect(
      [...tables[0].rows].sort().map((r) => [r[0], r[1], r[2], (r[3] as { zh: string }).zh]),
    ).toEqual([
      ['前营村', '7.69%', '≤ 10.00%', '信用村达标'],
      ['北岭村', '15.79%', '≤ 10.00%', '信用村不达标'],
    ]);
  });

  it('the leader’s console: the dashboard shows the verdicts and the causes; /console/dashboard/plans refuses 十万 at its field and records 北岭村 20,000', async () => {
    await api.commands.execute(new SnapshotKpis(meta(tenantId), '2012-08-13'));
    const cookie = `qs_session=${token}; qs_csrf=coop-csrf`;
    const dashboard = await api.http().get('/console/dashboard').set('Cookie', cookie).expect(200);
    expect(dashboard.text).toContain('信用村不达标');
    expect(dashboard.text).toContain('信用村达标');
    expect(dashboard.text).toContain('不良贷款余额 ¥2,250.00');
    expect(dashboard.text).toContain('08-13 录入清收计划 2 项');
    expect(dashboard.text).toContain('href="/console/dashboard/plans"');
    const page = await api.http().get('/console/dashboard/plans').set('Cookie', cookie).expect(200);
    const field = /name="(p_[0-9a-f-]+)" value="400.00"/.exec(page.text)![1];
    const post = (value: string) =>
      api
        .http()
        .post('/console/dashboard/plans')
        .set('Cookie', cookie)
        .type('form')
        .send({ _csrf: 'coop-csrf', [field]: value });
    expect((await post('十万')).text).toContain('请填写大于 0 的金额');
    await post('20,000').expect(303);
    const plans = await api.app.get(TenantTx).run(tenantId, (em) =>
      em.execute<{ amount: string }[]>(
        `select k.amount::text from kpi_inputs k join debtor_groups g on g.id = k.group_id
           where k.tenant_id = ? and g.code = '北岭村'`,
        [tenantId],
      ),
    );
    expect(plans).toEqual([{ amount: '20000.00' }]);
    // 篇三's office (supervisor) keeps the statistics: it reads the dashboard, enters no plan,
    // and still lands on its workbench.
    const officeCookie = `qs_session=${office}; qs_csrf=coop-csrf`;
    const seen = await api.http().get('/console/dashboard').set('Cookie', officeCookie).expect(200);
    expect(seen.text).toContain('信用村不达标');
    expect(seen.text).not.toContain('href="/console/dashboard/plans"');
    await api.http().get('/console/dashboard/plans').set('Cookie', officeCookie).expect(403);
    const home = await api.http().get('/console').set('Cookie', officeCookie);
    expect(home.headers.location).toBe('/console/supervisor');
  });

  it('the dashboard names the causes: 05-15 the drive launched, 08-13 plans entered for 2 villages', async () => {
    const causes = await api.app
      .get(QueryBus)
      .execute(new ListFigureCauses(meta(tenantId), '2012-05-01', '2012-08-13'));
    expect(causes).toEqual([
      expect.objectContaining({ date: '2012-05-15', kind: 'drive' }),
      expect.objectContaining({ date: '2012-08-13', kind: 'plan', count: 2 }),
    ]);
  });
});
