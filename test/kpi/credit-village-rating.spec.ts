import type { CollectionTestApi } from '../collection/support/collection-api';
import { tenantWithUsers } from '../collection/support/fixtures';
import { TenantTx } from '../../libs/db/src';
import { METRIC_NAMES } from '../../libs/policy/src';
import { MetricCalculator, RecomputeRatings } from '../../libs/outcomes/src';
import { pinnedPack } from '../../libs/outcomes/src/kpi/support/pinned-pack';
import { bearer, borrower, installPack, meta, startKpiApi } from './support/kpi-fixtures';

/**
 * 第二篇: "10%以内村，将优先评信用村". nplRatio: outstanding principal classed substandard,
 * doubtful or loss (DPD > 90 by default) ÷ all outstanding principal of the village.
 */
describe('a village is a credit village at an NPL ratio of 10.00% and not at 10.01%', () => {
  let api: CollectionTestApi;
  let tenantId: string;
  let token: string;

  const loan = (
    name: string,
    village: string,
    principal: string,
    dueOn: string,
    startDate = '2011-01-01',
  ) =>
    borrower(api, tenantId, {
      name,
      principal,
      startDate,
      dueOn,
      groups: [{ type: 'village', code: village }],
    });

  beforeAll(async () => {
    api = await startKpiApi({ now: '2012-08-20T10:00:00+08:00' });
    const setup = await tenantWithUsers(api, 'coop-rating', { chief: ['manager'] });
    tenantId = setup.tenantId;
    token = setup.users.chief.token;
    await installPack(api, tenantId, 'test-drive');
    // 甲村: 1,000.00 doubtful (due 2012-01-01, 222 days by 08-10) of 10,000.00 → 10.00%.
    await loan('甲一', '甲村', '9000.00', '2013-01-01');
    await loan('甲二', '甲村', '1000.00', '2012-01-01');
    // 乙村: 1,001.00 of 10,000.00 → 10.01%.
    await loan('乙一', '乙村', '8999.00', '2013-01-01');
    await loan('乙二', '乙村', '1001.00', '2012-01-01');
  }, 120_000);
  afterAll(async () => api.close());

  const ratings = async (asOf: string) => {
    const response = await api
      .http()
      .get(`/api/v1/ratings?groupType=village&asOf=${asOf}`)
      .set(bearer(token))
      .expect(200);
    return Object.fromEntries(
      response.body.ratings.map((r: { groupCode: string }) => [r.groupCode, r]),
    );
  };

  it('10.00% → credit village; 10.01% → not', async () => {
    const byVillage = await ratings('2012-08-10');
    expect(byVillage['甲村']).toMatchObject({
      ratingId: 'credit-village',
      granted: true,
      criteria: [
        {
          metric: 'nplRatio',
          bound: { max: '0.1' },
          value: '0.100000',
          display: '10.00%',
          holds: true,
        },
      ],
    });
    expect(byVillage['乙村']).toMatchObject({
      granted: false,
      criteria: [{ value: '0.100100', display: '10.01%', holds: false }],
    });
  });

  it('flips when 乙村 lends 10.00 more on 2012-08-20 (1,001.00 of 10,010.00 = 10.00%), with history', async () => {
    const first = await api.commands.execute(new RecomputeRatings(meta(tenantId), '2012-08-10'));
    expect(first.changed).toEqual(
      expect.arrayContaining([
        { ratingId: 'credit-village', groupCode: '甲村', granted: true },
        { ratingId: 'credit-village', groupCode: '乙村', granted: false },
      ]),
    );
    const again = await api.commands.execute(new RecomputeRatings(meta(tenantId), '2012-08-10'));
    expect(again.changed).toEqual([]);

    await loan('乙三', '乙村', '10.00', '2013-08-20', '2012-08-20');
    expect((await ratings('2012-08-15'))['乙村'].granted).toBe(false);
    const flipped = await api.commands.execute(new RecomputeRatings(meta(tenantId), '2012-08-20'));
    expect(flipped.changed).toEqual([
      { ratingId: 'credit-village', groupCode: '乙村', granted: true },
    ]);
    const now = (await ratings('2012-08-20'))['乙村'];
    expect(now).toMatchObject({
      granted: true,
      since: '2012-08-20',
      criteria: [{ display: '10.00%', holds: true }],
      history: [
        { asOf: '2012-08-10', granted: false },
        { asOf: '2012-08-20', granted: true },
      ],
    });
  });

  it('every registry metric computes set-based for the tenant, each village, collector and team', async () => {
    const calculator = api.app.get(MetricCalculator);
    const values = await api.app.get(TenantTx).run(tenantId, async (em) => {
      const ctx = { tenantId, timeZone: 'Asia/Shanghai', pack: await pinnedPack(em, tenantId) };
      const out: Record<string, unknown> = {};
      for (const metric of METRIC_NAMES) {
        for (const per of ['tenant', 'village', 'collector', 'team']) {
          const args = metric === 'recoveredVsPlan' ? { plan: '1000.00' } : {};
          const result = await calculator.compute(em, ctx, {
            metric,
            args,
            asOf: '2012-08-10',
            per,
          });
          out[`${metric}/${per}`] = result.values.map((v) => [v.groupCode, v.value]);
        }
      }
      return out;
    });
    // 甲村: 1,000.00 of 10,000.00 overdue; one account of two.
    expect(values['overdueRate/village']).toEqual([
      ['乙村', '0.1001'],
      ['甲村', '0.1'],
    ]);
    expect(values['recoveredAmount/tenant']).toEqual([['tenant', '0']]);
    expect(values['promisesKept/tenant']).toEqual([['tenant', null]]);
  });
});
