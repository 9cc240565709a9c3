import type { CollectionTestApi } from '../collection/support/collection-api';
import { ownerQuery, tenantWithUsers } from '../collection/support/fixtures';
import {
  type DueDrivePublications,
  LaunchDrive,
  PublishDueDriveProgressCommand,
} from '../../libs/outcomes/src';
import { borrower, installPack, meta, openCase, startKpiApi } from './support/kpi-fixtures';

/**
 * 篇三 "定期公布清收进度" on the test-drive pack's schedule: progress every Monday (internal,
 * published at once) and the bad-faith list on the 1st of each month (public, waiting for
 * its approval). The drive is launched 2012-05-15 and runs to 2012-12-31.
 */
describe('PublishDueDriveProgress publishes each scheduled drive publication exactly once', () => {
  let api: CollectionTestApi;
  let tenantId: string;
  const publish = (asOf: string): Promise<DueDrivePublications> =>
    api.commands.execute(new PublishDueDriveProgressCommand(meta(tenantId), asOf));
  const stored = () =>
    ownerQuery<{ publication_key: string; as_of: string; status: string }>(
      api,
      `select publication_key, as_of::text as as_of, status from drive_publications
       where tenant_id = $1 order by as_of, publication_key`,
      [tenantId],
    );

  beforeAll(async () => {
    api = await startKpiApi({ now: '2012-05-14T10:00:00+08:00' });
    const setup = await tenantWithUsers(api, 'coop-publish', { chief: ['manager'] });
    tenantId = setup.tenantId;
    await installPack(api, tenantId, 'test-drive');
    const { debtorId } = await borrower(api, tenantId, {
      name: '徐磊',
      principal: '100000.00',
      startDate: '2009-07-01',
      dueOn: '2010-06-01',
      groups: [{ type: 'village', code: '北岭村' }],
    });
    await openCase(api, tenantId, setup.users.chief.id, debtorId, 'bad-faith');
  }, 120_000);
  afterAll(async () => api?.close());

  it('before any drive is launched nothing is due', async () => {
    expect(await publish('2012-05-14')).toEqual({
      asOf: '2012-05-14',
      published: [],
      alreadyPublished: 0,
    });
  });

  it('launched Tuesday 05-15; by Monday 06-04: progress on 05-21, 05-28, 06-04 and the list on 06-01', async () => {
    await api.commands.execute(new LaunchDrive(meta(tenantId), 'npl-drive', '2012-05-15'));
    const result = await publish('2012-06-04');
    expect(result.published.map((p) => [p.publication, p.asOf, p.status])).toEqual([
      ['progress', '2012-05-21', 'published'],
      ['progress', '2012-05-28', 'published'],
      ['defaulters', '2012-06-01', 'pending-approval'],
      ['progress', '2012-06-04', 'published'],
    ]);
    expect(result.alreadyPublished).toBe(0);
  });

  it('the same night again publishes nothing; the next Monday adds exactly one', async () => {
    expect(await publish('2012-06-04')).toMatchObject({ published: [], alreadyPublished: 4 });
    expect((await publish('2012-06-11')).published.map((p) => p.asOf)).toEqual(['2012-06-11']);
    expect(await stored()).toHaveLength(5);
  });

  it('after the drive ends (12-31) nothing more is due, whatever the date', async () => {
    const result = await publish('2013-02-04');
    const last = result.published[result.published.length - 1];
    expect(last).toMatchObject({ publication: 'progress', asOf: '2012-12-31' });
    expect(result.published.filter((p) => p.publication === 'defaulters')).toHaveLength(6);
    expect(await publish('2013-03-04')).toMatchObject({ published: [] });
  });
});
