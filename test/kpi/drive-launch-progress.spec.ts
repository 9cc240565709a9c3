import type { CollectionTestApi } from '../collection/support/collection-api';
import { tenantWithUsers } from '../collection/support/fixtures';
import { AssignCase } from '../../libs/collection/src';
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
 * 篇三 and the township plan: 摸底 2012-05-15–05-19, 认定 –07-15, 宣传动员 –07-22 (a meeting,
 * 100 posters, 3 banners), 全面清收 –11-30, 复查整改 –12-31; progress published on a schedule,
 * the list of bad-faith defaulters made public only after approval.
 */
describe('a drive launched on a date runs its five phases, measured per phase and village', () => {
  let api: CollectionTestApi;
  let tenantId: string;
  let chief: { id: string; token: string };
  let deputy: { id: string; token: string };
  let auditor: string;
  let driveId: string;
  let collectorId: string;
  const loans: Record<string, string> = {};
  const cases: Record<string, string> = {};

  beforeAll(async () => {
    api = await startKpiApi({ now: '2012-08-13T10:00:00+08:00' });
    const setup = await tenantWithUsers(api, 'coop-drive', {
      chief: ['manager'],
      deputy: ['manager'],
      audit: ['auditor'],
      field: ['field-collector'],
    });
    tenantId = setup.tenantId;
    chief = setup.users.chief;
    deputy = setup.users.deputy;
    auditor = setup.users.audit.token;
    collectorId = setup.users.field.id;
    await installPack(api, tenantId, 'test-drive');
    const people: [string, string, string, string, string | undefined][] = [
      // name, village, principal, due date, overdue reason
      ['林勇', '前营村', '20000.00', '2011-07-01', undefined],
      ['徐磊', '北岭村', '100000.00', '2010-06-01', 'bad-faith'],
      ['周杰', '前营村', '80000.00', '2013-03-01', undefined], // performing: outside the scope
    ];
    for (const [name, village, principal, dueOn, reason] of people) {
      const { debtorId, accountId } = await borrower(api, tenantId, {
        name,
        principal,
        startDate: '2009-07-01',
        dueOn,
        groups: [{ type: 'village', code: village }],
      });
      loans[name] = accountId;
      cases[name] = await openCase(api, tenantId, chief.id, debtorId, reason);
    }
    await pay(api, tenantId, loans['徐磊'], '2012-06-01', '2000.00'); // 认定
    await pay(api, tenantId, loans['林勇'], '2012-07-25', '5000.00'); // 全面清收
  }, 120_000);
  afterAll(async () => api.close());

  const http = () => api.http();

  it('launched on 2012-05-15 its phases fall on the seed dates; the NPL cases (2 of 3) are in scope', async () => {
    const response = await http()
      .post('/api/v1/drives')
      .set(bearer(chief.token))
      .send({ drive: 'npl-drive', launchDate: '2012-05-15' })
      .expect(201);
    driveId = response.body.id;
    expect(response.body).toMatchObject({
      created: true,
      cases: 2,
      items: 15,
      endsOn: '2012-12-31',
    });
    expect(response.body.phases).toEqual([
      { key: 'survey', startsOn: '2012-05-15', endsOn: '2012-05-19' },
      { key: 'determination', startsOn: '2012-05-20', endsOn: '2012-07-15' },
      { key: 'mobilisation', startsOn: '2012-07-16', endsOn: '2012-07-22' },
      { key: 'collection', startsOn: '2012-07-23', endsOn: '2012-11-30' },
      { key: 'review', startsOn: '2012-12-01', endsOn: '2012-12-31' },
    ]);
    const again = await http()
      .post('/api/v1/drives')
      .set(bearer(chief.token))
      .send({ drive: 'npl-drive', launchDate: '2012-05-15' })
      .expect(201);
    expect([again.body.id, again.body.created]).toEqual([driveId, false]);
  });

  it('launched on 2013-03-01 every phase moves with it and keeps its length', async () => {
    const response = await http()
      .post('/api/v1/drives')
      .set(bearer(chief.token))
      .send({ drive: 'npl-drive', launchDate: '2013-03-01' })
      .expect(201);
    expect(
      response.body.phases.map((p: { startsOn: string; endsOn: string }) => [p.startsOn, p.endsOn]),
    ).toEqual([
      ['2013-03-01', '2013-03-05'],
      ['2013-03-06', '2013-05-01'],
      ['2013-05-02', '2013-05-08'],
      ['2013-05-09', '2013-09-16'],
      ['2013-09-17', '2013-10-17'],
    ]);
    await http()
      .post('/api/v1/drives')
      .set(bearer(chief.token))
      .send({ drive: 'npl-drive', launchDate: '2012-06-01' })
      .expect(409);
  });

  it('progress per phase: items ticked off, arrears recovered within each phase, the phase target at risk', async () => {
    const items = (
      await http().get(`/api/v1/drives/${driveId}/items`).set(bearer(chief.token)).expect(200)
    ).body;
    const tick = async (item: { id: string }, done?: number) =>
      http()
        .post(`/api/v1/drives/${driveId}/items/${item.id}/complete`)
        .set(bearer(deputy.token))
        .send(done === undefined ? {} : { done: String(done) })
        .expect(200);
    const find = (phase: string, key: string) =>
      items.filter((i: { phase: string; item: string }) => i.phase === phase && i.item === key);
    for (const row of find('survey', 'npl-survey')) await tick(row);
    await tick(find('survey', 'npl-statistics')[0]);
    await tick(find('mobilisation', 'meeting')[0]);
    await tick(find('mobilisation', 'posters')[0], 60);
    await tick(find('mobilisation', 'banners')[0]);

    const progress = (
      await http()
        .get(`/api/v1/drives/${driveId}/progress?asOf=2012-08-10`)
        .set(bearer(auditor))
        .expect(200)
    ).body;
    expect(progress.currentPhase).toBe('collection');
    const phases = progress.phases.map((p: Record<string, unknown>) => [
      p.key,
      p.state,
      p.tasks,
      p.deliverables,
      p.recovered,
    ]);
    expect(phases).toEqual([
      ['survey', 'ended', { done: 2, total: 2 }, { done: 1, total: 2 }, '0.00'],
      ['determination', 'ended', { done: 0, total: 1 }, { done: 0, total: 0 }, '2000.00'],
      ['mobilisation', 'ended', { done: 64, total: 104 }, { done: 0, total: 103 }, '0.00'],
      ['collection', 'current', { done: 0, total: 2 }, { done: 0, total: 0 }, '5000.00'],
      ['review', 'upcoming', { done: 0, total: 2 }, { done: 0, total: 1 }, '0.00'],
    ]);
    const target = progress.phases[3].targets[0];
    expect(target).toMatchObject({
      id: 'collection-recovery',
      period: { name: 'phase', start: '2012-07-23', end: '2012-11-30' },
    });
    expect(target.results[0]).toMatchObject({
      value: '5000.00',
      status: 'at-risk',
      gap: '45000.00',
    });
    const villages = Object.fromEntries(
      progress.groups.map(
        (g: { groupCode: string; phases: { key: string; recovered: string }[] }) => [
          g.groupCode,
          Object.fromEntries(g.phases.map((p) => [p.key, p.recovered])),
        ],
      ),
    );
    expect(villages['前营村']).toMatchObject({ determination: '0.00', collection: '5000.00' });
    expect(villages['北岭村']).toMatchObject({ determination: '2000.00', collection: '0.00' });
  });

  it('progress is published at once; the bad-faith list only once another manager approves it', async () => {
    const progress = await http()
      .post(`/api/v1/drives/${driveId}/publications`)
      .set(bearer(chief.token))
      .send({ publication: 'progress', asOf: '2012-08-13' })
      .expect(201);
    expect(progress.body).toMatchObject({ status: 'published', audience: 'internal' });
    expect(progress.body.content.progress.currentPhase).toBe('collection');

    const list = await http()
      .post(`/api/v1/drives/${driveId}/publications`)
      .set(bearer(chief.token))
      .send({ publication: 'defaulters', asOf: '2012-08-13' })
      .expect(201);
    expect(list.body).toMatchObject({
      status: 'pending-approval',
      approverRole: 'manager',
      publishedAt: null,
    });
    const sealed = await http()
      .get(`/api/v1/drives/${driveId}/publications`)
      .set(bearer(auditor))
      .expect(200);
    const pending = sealed.body.find(
      (p: { publication: string }) => p.publication === 'defaulters',
    );
    expect([pending.status, pending.content]).toEqual(['pending-approval', null]);

    await http()
      .post(`/api/v1/drives/${driveId}/publications/${list.body.id}/decision`)
      .set(bearer(chief.token))
      .send({ decision: 'approved' })
      .expect(403);
    await http()
      .post(`/api/v1/drives/${driveId}/publications/${list.body.id}/decision`)
      .set(bearer(deputy.token))
      .send({ decision: 'approved' })
      .expect(200);
    const open = await http()
      .get(`/api/v1/drives/${driveId}/publications`)
      .set(bearer(auditor))
      .expect(200);
    const published = open.body.find(
      (p: { publication: string }) => p.publication === 'defaulters',
    );
    expect(published.status).toBe('published');
    expect(
      published.content.rows.map((r: { name: string; overdueAmount: string }) => [
        r.name,
        r.overdueAmount,
      ]),
    ).toEqual([['徐磊', '98000.00']]);
  });

  it('the recovery target per collector credits whoever holds the case: 5,000.00 of a 10,000.00 plan', async () => {
    await api.commands.execute(
      new AssignCase(meta(tenantId, chief.id, ['manager']), {
        caseId: cases['林勇'],
        assigneeId: collectorId,
      }),
    );
    const byCollector = async () =>
      (
        await http()
          .get('/api/v1/targets?asOf=2012-08-13&groupType=collector')
          .set(bearer(chief.token))
          .expect(200)
      ).body.targets.find((t: { id: string }) => t.id === 'recovery').results;
    // No plan entered for the collector yet: the amount is known, the ratio is not.
    expect(await byCollector()).toMatchObject([
      { groupCode: 'field', numerator: '5000.00', value: null, status: 'no-data' },
    ]);
    await http()
      .post('/api/v1/kpi/inputs')
      .set(bearer(chief.token))
      .send({
        input: 'recovery-plan',
        groupType: 'collector',
        groupId: collectorId,
        periodStart: '2012-05-15',
        periodEnd: '2012-12-31',
        amount: '10000.00',
      })
      .expect(201);
    expect(await byCollector()).toMatchObject([
      { groupCode: 'field', display: '50.00%', status: 'at-risk', gapDisplay: '50.00%' },
    ]);
  });
});
