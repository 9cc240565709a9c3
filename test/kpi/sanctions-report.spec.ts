import type { CollectionTestApi } from '../collection/support/collection-api';
import { tenantWithUsers } from '../collection/support/fixtures';
import { EvaluateFlags, LaunchDrive } from '../../libs/outcomes/src';
import { bearer, borrower, installPack, meta, pay, startKpiApi } from './support/kpi-fixtures';

/**
 * 第二篇 四（二）2–3: officials in arrears are not promoted, transferred or awarded and their
 * posts suspended; beneficiaries of preferential policies who do not repay lose them. The
 * coop file's columns 是否村干部 and 享受优惠政策 are the attributes official-post and
 * preferential-policy; both flags apply from the full-collection phase of the drive.
 */
describe('sanction flags are set by their conditions and reported by who carries them', () => {
  let api: CollectionTestApi;
  let tenantId: string;
  let token: string;
  const ids: Record<string, { debtorId: string; accountId: string }> = {};

  beforeAll(async () => {
    api = await startKpiApi({ now: '2012-09-10T10:00:00+08:00' });
    const setup = await tenantWithUsers(api, 'coop-sanction', {
      chief: ['manager'],
      clerk: ['clerk'],
    });
    tenantId = setup.tenantId;
    token = setup.users.chief.token;
    await installPack(api, tenantId, 'test-drive');
    // name, village, due date (2010 = long in arrears, 2013 = performing), 是否村干部, 享受优惠政策
    const rows: [string, string, string, string | null, string | null][] = [
      ['罗涛', '南坡村', '2010-08-01', '村主任', '低保户'],
      ['周杰', '东庄村', '2011-03-01', null, '低保户'],
      ['刘丽', '东庄村', '2013-06-01', '村会计', null],
      ['吴芳', '前营村', '2010-06-01', null, null],
    ];
    for (const [name, village, dueOn, post, policy] of rows) {
      ids[name] = await borrower(api, tenantId, {
        name,
        principal: '30000.00',
        startDate: '2008-08-01',
        dueOn,
        groups: [{ type: 'village', code: village }],
      });
      const put = (key: string, value: string) =>
        api
          .http()
          .put(`/api/v1/attributes/debtor/${ids[name].debtorId}/${key}`)
          .set(bearer(setup.users.clerk.token))
          .send({ value })
          .expect(200);
      if (post) await put('official-post', post);
      if (policy) await put('preferential-policy', policy);
    }
    await api.commands.execute(new LaunchDrive(meta(tenantId), 'npl-drive', '2012-05-15'));
  }, 120_000);
  afterAll(async () => api.close());

  interface Row {
    flag: { id: string };
    debtor: { name: string };
    groups: { code: string }[];
    setOn: string;
  }
  const report = async (): Promise<{ rows: Row[] }> =>
    (await api.http().get('/api/v1/sanctions').set(bearer(token)).expect(200)).body;

  it('nothing is set before the full-collection phase (2012-07-01 is in 认定)', async () => {
    const result = await api.commands.execute(new EvaluateFlags(meta(tenantId), '2012-07-01'));
    expect(result.flags.map((f: { set: number }) => f.set)).toEqual([0, 0]);
    expect((await report()).rows).toEqual([]);
  });

  it('in 全面清收 the official in arrears carries the sanction, the beneficiaries lose eligibility', async () => {
    const result = await api.commands.execute(new EvaluateFlags(meta(tenantId), '2012-08-10'));
    expect(result.flags).toEqual([
      { flag: 'official-sanction', set: 1, cleared: 0, problems: [] },
      { flag: 'eligibility-suspended', set: 2, cleared: 0, problems: [] },
    ]);
    const rows = (await report()).rows.map((r: Row) => [
      r.flag.id,
      r.debtor.name,
      r.groups.map((g: { code: string }) => g.code).join(),
      r.setOn,
    ]);
    expect(rows).toEqual([
      ['eligibility-suspended', '周杰', '东庄村', '2012-08-10'],
      ['eligibility-suspended', '罗涛', '南坡村', '2012-08-10'],
      ['official-sanction', '罗涛', '南坡村', '2012-08-10'],
    ]);
    const official = (await report()).rows.find((r: Row) => r.flag.id === 'official-sanction');
    expect(official).toMatchObject({
      flag: {
        kind: 'sanction',
        effects: ['no-promotion', 'no-transfer', 'no-awards', 'suspend-post'],
      },
      debtor: { idNumberMasked: expect.stringMatching(/^\d{6}\*+\d{3}[\dX]$/) },
      attributes: { 'official-post': '村主任', 'preferential-policy': '低保户' },
      totalDue: '30000.00',
    });
    const again = await api.commands.execute(new EvaluateFlags(meta(tenantId), '2012-08-10'));
    expect(again.flags.map((f: { set: number }) => f.set)).toEqual([0, 0]);
  });

  it('repaying lifts the official sanction (cleared at DPD 0); the lost eligibility stays', async () => {
    await pay(api, tenantId, ids['罗涛'].accountId, '2012-09-01', '30000.00');
    const result = await api.commands.execute(new EvaluateFlags(meta(tenantId), '2012-09-10'));
    expect(result.flags.map((f: { cleared: number }) => f.cleared)).toEqual([1, 0]);
    const rows = (await report()).rows.map((r: Row) => [r.flag.id, r.debtor.name]);
    expect(rows).toEqual([
      ['eligibility-suspended', '周杰'],
      ['eligibility-suspended', '罗涛'],
    ]);
  });
});
