import { QueryBus } from '@nestjs/cqrs';
import type { CollectionTestApi } from '../collection/support/collection-api';
import { tenantWithUsers } from '../collection/support/fixtures';
import {
  type AssessmentView,
  GetAssessment,
  GetTargets,
  SnapshotKpis,
  type TargetsView,
} from '../../libs/outcomes/src';
import { borrower, installPack, meta, pay, startKpiApi } from './support/kpi-fixtures';

/**
 * Issue 15 §1: the leader's dashboard answers from the night's figures (kpi_snapshots), not
 * one statement over the whole book per target and breakdown. The page names when they were
 * computed (截至 in the tenant's zone); a payment since moves the figure at the next snapshot.
 */
describe('the dashboard reads the night’s KPI snapshot and says when it was computed', () => {
  let api: CollectionTestApi;
  let tenantId: string;
  let cookie: string;
  const late: string[] = [];
  const today = '2026-03-31';
  const queries = () => api.app.get(QueryBus);
  const targets = (fromSnapshot: boolean) =>
    queries().execute<GetTargets, TargetsView>(
      new GetTargets(meta(tenantId), today, undefined, fromSnapshot),
    );
  const assessment = (fromSnapshot: boolean) =>
    queries().execute<GetAssessment, AssessmentView>(
      new GetAssessment(meta(tenantId), today, fromSnapshot),
    );
  const schoolRate = (view: TargetsView) =>
    view.targets
      .find((t) => t.id === 'default-rate')
      ?.results.filter((r) => r.groupType === 'school')
      .map((r) => [r.groupCode, r.numerator, r.denominator, r.display]);
  const dashboard = async () =>
    (await api.http().get('/console/dashboard').set('Cookie', cookie).expect(200)).text;

  beforeAll(async () => {
    api = await startKpiApi({ now: '2026-03-31T01:30:00+08:00' });
    const setup = await tenantWithUsers(api, 'dash-office', { boss: ['manager'] });
    tenantId = setup.tenantId;
    cookie = `qs_session=${setup.users.boss.token}; qs_csrf=dash-csrf`;
    await installPack(api, tenantId, 'test-targets');
    // 县一中: 20 borrowers, 2 of them 59 days late on a 1,000.00 installment (10.00%).
    for (let i = 0; i < 20; i += 1) {
      const { accountId } = await borrower(api, tenantId, {
        name: `县一中学生${i}`,
        type: 'student-loan',
        principal: '1000.00',
        startDate: '2022-09-01',
        dueOn: '2026-01-31',
        groups: [
          { type: 'school', code: '县一中' },
          { type: 'cohort', code: '2022' },
        ],
      });
      if (i >= 2) await pay(api, tenantId, accountId, '2026-01-31', '1000.00');
      else late.push(accountId);
    }
  }, 240_000);
  afterAll(async () => api.close());

  it('before any nightly run the figures are computed live (no 截至 time)', async () => {
    const view = await targets(true);
    expect(view.figuresAt).toBeNull();
    expect(schoolRate(view)).toEqual([['县一中', '2', '20', '10.00%']]);
  });

  it('after the snapshot every target and the year’s assessment read exactly the live figures', async () => {
    await api.commands.execute(new SnapshotKpis(meta(tenantId), today));
    const [live, snapped] = [await targets(false), await targets(true)];
    expect(snapped.figuresAt).toBe('2026-03-30T17:30:00.000Z');
    expect({ ...snapped, figuresAt: null }).toEqual(live);
    const [liveReport, snappedReport] = [await assessment(false), await assessment(true)];
    expect(snappedReport.figuresAt).toBe('2026-03-30T17:30:00.000Z');
    expect({ ...snappedReport, figuresAt: null }).toEqual(liveReport);
  });

  it('a payment since the snapshot shows at the next one: 10.00% (截至 01:30) until then, 5.00% (截至 02:45) after', async () => {
    api.clock.set('2026-03-31T02:15:00+08:00');
    await pay(api, tenantId, late[0], today, '1000.00');
    expect(schoolRate(await targets(false))).toEqual([['县一中', '1', '20', '5.00%']]);
    expect(schoolRate(await targets(true))).toEqual([['县一中', '2', '20', '10.00%']]);
    const before = await dashboard();
    expect(before).toContain('截至 2026-03-31 01:30');
    expect(before).toContain('10.00%');

    api.clock.set('2026-03-31T02:45:00+08:00');
    await api.commands.execute(new SnapshotKpis(meta(tenantId), today));
    expect(schoolRate(await targets(true))).toEqual([['县一中', '1', '20', '5.00%']]);
    const after = await dashboard();
    // Every figure of the day, moved or not, was confirmed by the 02:45 run.
    expect(after).toContain('截至 2026-03-31 02:45');
    expect(after).toContain('5.00%');
  });
});
