import { QueryBus } from '@nestjs/cqrs';
import type { CollectionTestApi } from '../collection/support/collection-api';
import { tenantWithUsers } from '../collection/support/fixtures';
import { TenantTx } from '../../libs/db/src';
import {
  type DriveProgress,
  GetDriveProgress,
  type KpiSnapshotResult,
  LaunchDrive,
  SnapshotKpis,
} from '../../libs/outcomes/src';
import {
  bearer,
  borrower,
  installPack,
  meta,
  openCase,
  pay,
  startKpiApi,
} from './support/kpi-fixtures';

/**
 * Issue 15 §1: the co-op's dashboard computed its drive's progress live — the arrears
 * recovered per phase and the collection phase's 清收计划完成率, each a statement over the
 * whole book (2.0 s p50 at 100k accounts). The night's SnapshotKpis now keeps them
 * (drive_snapshots) and the dashboard reads them with 截至, exactly as it would compute them;
 * a plan entered since the night feeds its target live, as for the other figures.
 *
 * Book (0% loans): 甲 前营村 1,000.00 due 2012-01-01 (paid 250.00 on 08-01, 全面清收);
 * 乙 北岭村 2,000.00 due 2012-01-01 (paid 500.00 on 06-01, 认定); 丙 前营村 9,000.00 current.
 * Drive launched 2012-05-15 (认定 05-20–06-19, 全面清收 06-27–11-04); today 2012-08-13.
 */
describe('the dashboard reads the drive’s progress from the night’s snapshot', () => {
  let api: CollectionTestApi;
  let tenantId: string;
  let token: string;
  let jia: string;
  let driveId: string;
  const today = '2012-08-13';
  const progress = (fromSnapshot: boolean, asOf = today) =>
    api.app
      .get(QueryBus)
      .execute<GetDriveProgress, DriveProgress>(
        new GetDriveProgress(meta(tenantId), driveId, asOf, fromSnapshot),
      );
  const snapshot = (): Promise<KpiSnapshotResult> =>
    api.commands.execute(new SnapshotKpis(meta(tenantId), today));
  const recovered = (view: DriveProgress) =>
    Object.fromEntries(view.phases.map((p) => [p.key, p.recovered]));
  const villages = (view: DriveProgress) =>
    Object.fromEntries(
      view.groups.map((g) => [
        g.groupCode,
        g.phases.find((p) => p.key === 'collection')?.recovered,
      ]),
    );
  const plan = (view: DriveProgress) =>
    view.phases
      .find((p) => p.key === 'collection')
      ?.targets[0].results.map((r) => [r.groupType, r.groupCode, r.numerator, r.denominator]);
  const dashboard = async () => {
    const cookie = `qs_session=${token}; qs_csrf=drive-csrf`;
    return (await api.http().get('/console/dashboard').set('Cookie', cookie).expect(200)).text;
  };

  beforeAll(async () => {
    api = await startKpiApi({ now: '2012-08-13T01:30:00+08:00' });
    const setup = await tenantWithUsers(api, 'coop-drive-snap', { chief: ['manager'] });
    tenantId = setup.tenantId;
    token = setup.users.chief.token;
    await installPack(api, tenantId, 'credit-coop-npl-drive', {
      launchDate: '2012-05-15',
      amnestyDate: '2012-07-31',
      recoveryPlan: '1000.00',
    });
    const loan = async (name: string, village: string, principal: string, dueOn: string) => {
      const made = await borrower(api, tenantId, {
        name,
        principal,
        startDate: '2010-01-01',
        dueOn,
        groups: [{ type: 'village', code: village }],
      });
      await openCase(api, tenantId, setup.users.chief.id, made.debtorId);
      return made.accountId;
    };
    jia = await loan('甲', '前营村', '1000.00', '2012-01-01');
    const yi = await loan('乙', '北岭村', '2000.00', '2012-01-01');
    await loan('丙', '前营村', '9000.00', '2013-01-01');
    await pay(api, tenantId, yi, '2012-06-01', '500.00');
    await pay(api, tenantId, jia, '2012-08-01', '250.00');
    const launched = await api.commands.execute(
      new LaunchDrive(meta(tenantId), 'npl-drive', '2012-05-15'),
    );
    driveId = (launched as { id: string }).id;
  }, 120_000);
  afterAll(async () => api.close());

  it('before any night the progress is computed live (no 截至)', async () => {
    const view = await progress(true);
    expect(view.figuresAt).toBeNull();
    expect(view).toEqual(await progress(false));
    expect(view.currentPhase).toBe('collection');
    expect(recovered(view)).toMatchObject({ determination: '500.00', collection: '250.00' });
  });

  it('after the night the progress read from the snapshot is exactly the live one, with its 截至', async () => {
    const result = await snapshot();
    expect(result.drives.drives).toBe(1);
    expect(result.drives.changed).toBe(result.drives.rows);
    const [live, snapped] = [await progress(false), await progress(true)];
    expect(snapped.figuresAt).toBe('2012-08-12T17:30:00.000Z');
    expect({ ...snapped, figuresAt: null }).toEqual(live);
    expect(villages(snapped)).toEqual({ 北岭村: '0.00', 前营村: '250.00' });
    expect(plan(snapped)).toContainEqual(['tenant', 'tenant', '250.00', '1000.00']);
    // The night's rows: per phase for the drive, per village, the target per breakdown.
    const rows = await api.app
      .get(TenantTx)
      .run(tenantId, (em) =>
        em.execute<{ n: string }[]>(
          `select count(*)::text as n from drive_snapshots where tenant_id = ? and drive_id = ?`,
          [tenantId, driveId],
        ),
      );
    expect(Number(rows[0].n)).toBe(result.drives.rows);
  });

  it('a second run of the day rewrites nothing', async () => {
    expect((await snapshot()).drives).toEqual({
      drives: 1,
      rows: expect.any(Number),
      changed: 0,
    });
  });

  it('a payment since the night shows at the next one: 250.00 (截至 01:30) until then, 350.00 (截至 02:45) after', async () => {
    api.clock.set('2012-08-13T02:15:00+08:00');
    await pay(api, tenantId, jia, today, '100.00');
    expect(recovered(await progress(false)).collection).toBe('350.00');
    expect(recovered(await progress(true)).collection).toBe('250.00');
    expect(await dashboard()).toContain('截至 2012-08-13 01:30');

    api.clock.set('2012-08-13T02:45:00+08:00');
    await snapshot();
    const [live, snapped] = [await progress(false), await progress(true)];
    expect(recovered(snapped).collection).toBe('350.00');
    expect({ ...snapped, figuresAt: null }).toEqual(live);
    expect(await dashboard()).toContain('截至 2012-08-13 02:45');
  });

  it('a plan entered since the night feeds the phase target at once (computed live); the recovered stays the night’s', async () => {
    const [qianying] = await api.app
      .get(TenantTx)
      .run(tenantId, (em) =>
        em.execute<{ id: string }[]>(
          `select id from debtor_groups where tenant_id = ? and code = '前营村'`,
          [tenantId],
        ),
      );
    api.clock.set('2012-08-13T09:00:00+08:00');
    await api
      .http()
      .post('/api/v1/kpi/inputs')
      .set(bearer(token))
      .send({
        input: 'recovery-plan',
        groupType: 'village',
        groupId: qianying.id,
        periodStart: '2012-05-15',
        periodEnd: '2012-12-31',
        amount: '700.00',
      })
      .expect(201);
    const [live, snapped] = [await progress(false), await progress(true)];
    expect(plan(snapped)).toContainEqual(['village', '前营村', '350.00', '700.00']);
    expect({ ...snapped, figuresAt: null }).toEqual(live);
    expect(snapped.figuresAt).toBe('2012-08-12T18:45:00.000Z');
  });

  it('another day than the night’s is computed live', async () => {
    const view = await progress(true, '2012-08-12');
    expect(view.figuresAt).toBeNull();
    expect(view).toEqual(await progress(false, '2012-08-12'));
  });
});
