import type { CollectionTestApi } from '../collection/support/collection-api';
import { tenantWithUsers } from '../collection/support/fixtures';
import { QueryBus } from '@nestjs/cqrs';
import { type AssessmentView, GetAssessment, SnapshotKpis } from '../../libs/outcomes/src';
import { bearer, borrower, installPack, meta, pay, startKpiApi } from './support/kpi-fixtures';

/**
 * 篇二/四/七 一、1: "确保学生违约率控制在5%以内，力争实现"0"违约". defaultRate: borrowers whose
 * earliest unpaid installment is more than thresholdDays (30) past due ÷ borrowers with at
 * least one installment due on or before the date.
 */
describe('student-loan default rate per school against "≤ 5%" (篇二)', () => {
  let api: CollectionTestApi;
  let tenantId: string;
  let token: string;
  const lateB: string[] = [];

  beforeAll(async () => {
    api = await startKpiApi({ now: '2026-03-31T10:00:00+08:00' });
    const setup = await tenantWithUsers(api, 'school-office', { boss: ['manager'] });
    tenantId = setup.tenantId;
    token = setup.users.boss.token;
    await installPack(api, tenantId, 'test-targets');
    // Two schools of 40 borrowers each, every installment of 1,000.00 due 2026-01-31 (59
    // days before the as-of date): 2 unpaid in 县一中, 3 in 县二中.
    for (const [school, unpaid] of [
      ['县一中', 2],
      ['县二中', 3],
    ] as const) {
      for (let i = 0; i < 40; i += 1) {
        const { accountId } = await borrower(api, tenantId, {
          name: `${school}学生${i}`,
          type: 'student-loan',
          principal: '1000.00',
          startDate: '2022-09-01',
          dueOn: '2026-01-31',
          groups: [
            { type: 'school', code: school },
            { type: 'cohort', code: '2022' },
          ],
        });
        if (i >= unpaid) await pay(api, tenantId, accountId, '2026-01-31', '1000.00');
        else if (school === '县二中') lateB.push(accountId);
      }
    }
    // Nothing due yet: not a borrower "with an installment due", so in no denominator.
    await borrower(api, tenantId, {
      name: '新生',
      type: 'student-loan',
      principal: '1000.00',
      startDate: '2025-09-01',
      dueOn: '2026-06-30',
      groups: [{ type: 'school', code: '县一中' }],
    });
  }, 240_000);
  afterAll(async () => api.close());

  const targets = async (query: string) => {
    const response = await api
      .http()
      .get(`/api/v1/targets?${query}`)
      .set(bearer(token))
      .expect(200);
    return response.body.targets.find((t: { id: string }) => t.id === 'default-rate');
  };

  it('2 of 40 = 5.00% is met at the bound; 3 of 40 = 7.50% is missed with a gap of 2.50%', async () => {
    const target = await targets('asOf=2026-03-31&groupType=school');
    expect(target).toMatchObject({ metric: 'defaultRate', bound: { max: '0.05' }, stretch: '0' });
    const bySchool = Object.fromEntries(
      target.results.map((r: { groupCode: string }) => [r.groupCode, r]),
    );
    expect(bySchool['县一中']).toMatchObject({
      numerator: '2',
      denominator: '40',
      value: '0.050000',
      display: '5.00%',
      status: 'met',
      gap: '0.000000',
      stretchMet: false,
    });
    expect(bySchool['县二中']).toMatchObject({
      numerator: '3',
      denominator: '40',
      value: '0.075000',
      display: '7.50%',
      status: 'missed',
      gap: '0.025000',
      gapDisplay: '2.50%',
    });
  });

  it('the tenant and the cohort see 5 of 80 = 6.25%, missed by 1.25%', async () => {
    const target = await targets('asOf=2026-03-31');
    const rows = target.results.map((r: Record<string, string>) => [
      r.groupType,
      r.groupCode,
      r.display,
      r.status,
      r.gapDisplay,
    ]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['tenant', 'tenant', '6.25%', 'missed', '1.25%'],
        ['cohort', '2022', '6.25%', 'missed', '1.25%'],
        ['school', '县一中', '5.00%', 'met', '0.00%'],
        ['school', '县二中', '7.50%', 'missed', '2.50%'],
      ]),
    );
  });

  it('before the 30 days have passed nobody has defaulted (2026-03-02 is day 30)', async () => {
    const target = await targets('asOf=2026-03-02&groupType=school');
    expect(target.results.map((r: { display: string }) => r.display)).toEqual(['0.00%', '0.00%']);
  });

  it('daily snapshots draw the trend: 县二中 7.50% → 5.00% after one defaulter pays; a rerun changes nothing', async () => {
    const first = await api.commands.execute(new SnapshotKpis(meta(tenantId), '2026-03-31'));
    expect(first.changed).toBeGreaterThan(0);
    const again = await api.commands.execute(new SnapshotKpis(meta(tenantId), '2026-03-31'));
    expect(again.changed).toBe(0);
    api.clock.set('2026-04-01T10:00:00+08:00');
    await pay(api, tenantId, lateB[0], '2026-04-01', '1000.00');
    await api.commands.execute(new SnapshotKpis(meta(tenantId), '2026-04-01'));
    const response = await api
      .http()
      .get(
        '/api/v1/kpi/snapshots?metric=defaultRate&from=2026-03-31&to=2026-04-01&groupType=school',
      )
      .set(bearer(token))
      .expect(200);
    const trend = response.body.points
      .filter((p: { groupCode: string }) => p.groupCode === '县二中')
      .map((p: { asOf: string; display: string }) => [p.asOf, p.display]);
    expect(trend).toEqual([
      ['2026-03-31', '7.50%'],
      ['2026-04-01', '5.00%'],
    ]);
  });

  it('年度考核 (篇二/七): the report’s target per school and cohort with its verdict and gap, beside the year’s recoveries', async () => {
    const view = await api.app
      .get(QueryBus)
      .execute<GetAssessment, AssessmentView>(new GetAssessment(meta(tenantId), '2026-04-01'));
    expect(view.reports.map((r) => r.id)).toEqual(['annual-assessment']);
    const [report] = view.reports;
    expect(report.period).toEqual({ start: '2026-01-01', end: '2026-04-01' });
    // The report lists defaultRate twice (target and measure): one column, judged.
    expect(report.columns.map((c) => [c.key, c.names.zh, c.bound])).toEqual([
      ['default-rate', '学生违约率', { display: '5.00%', side: 'max' }],
      ['recoveredAmount:{"period":"year"}', '回收金额', null],
    ]);
    const rows = report.sections.flatMap((s) =>
      s.rows.map((r) => [
        s.groupType,
        r.groupCode,
        r.cells[0].display,
        r.cells[0].status,
        r.cells[0].gapDisplay,
        r.cells[1].display,
      ]),
    );
    // After 县二中's defaulter paid 1,000.00 on 04-01: 2 of 40 in each school, 4 of 80 overall.
    expect(rows).toEqual([
      ['tenant', 'tenant', '5.00%', 'met', null, '1000.00'],
      ['school', '县一中', '5.00%', 'met', null, '0.00'],
      ['school', '县二中', '5.00%', 'met', null, '1000.00'],
      ['cohort', '2022', '5.00%', 'met', null, '1000.00'],
    ]);
  });
});
