import { DecideApproval, ProposePlan, RequestApproval } from '../../libs/collection/src';
import type { CollectionTestApi } from '../collection/support/collection-api';
import { meta } from '../kpi/support/kpi-fixtures';
import {
  bearer,
  loan,
  Member,
  nightOf,
  openCase,
  packTenant,
  pay,
  runNight,
} from './support/pack-scenario';

/**
 * 篇三 and the township plan with the real policies/credit-coop-npl-drive pack, launched on
 * 2013-03-01 (default lengths 5/31/7/131/31 days) with the amnesty date 2013-04-21 (the 9th
 * day of full collection, as 2012-08-01 was). Amnesty loans: 10,000.00 at 7.2% with 360.00
 * interest, due 2012-02-01, penalty 10.8% (markup 50%), compound on. Villages: 甲村 holds
 * 1,000.00 NPL of 10,000.00, 乙村 1,001.00 of 10,000.00.
 */
describe('credit-coop-npl-drive (篇三): phases from the launch date, the amnesty, credit villages', () => {
  let api: CollectionTestApi;
  let tenantId: string;
  let users: Record<'chief' | 'deputy', Member>;
  const ids: Record<string, { debtorId: string; accountId: string }> = {};
  const cases: Record<string, string> = {};

  const amnestyLoan = (name: string) =>
    loan(api, tenantId, {
      name,
      principal: '10000.00',
      interest: '360.00',
      annualRate: '0.072',
      penaltyMarkup: '0.5',
      compound: true,
      startDate: '2011-08-01',
      dueOn: '2012-02-01',
      groups: [{ type: 'village', code: '丙村' }],
    });
  const incentives = async (name: string, asOf: string) => {
    const response = await api
      .http()
      .get(`/api/v1/accounts/${ids[name].accountId}/incentives?asOf=${asOf}`)
      .set(bearer(users.chief.token))
      .expect(200);
    return { balance: response.body.balance, amnesty: response.body.incentives[0] };
  };
  /** 经农村信用社认可同意: asked by one manager, approved by the co-op director (another). */
  const approveWaiver = async (name: string) => {
    const caseId = cases[name];
    const { id } = await api.commands.execute(
      new RequestApproval(meta(tenantId, users.deputy.id, ['manager']), {
        caseId,
        kind: 'waiver',
        reason: '主动归还欠款，申请减免罚息',
      }),
    );
    await api.commands.execute(
      new DecideApproval(meta(tenantId, users.chief.id, ['manager']), id, 'approved'),
    );
  };

  beforeAll(async () => {
    ({ api, tenantId, users } = await packTenant(
      'credit-coop-npl-drive',
      nightOf('2013-03-01'),
      { chief: ['manager'], deputy: ['manager'] },
      { launchDate: '2013-03-01', amnestyDate: '2013-04-21' },
    ));
    for (const [name, village, principal, dueOn] of [
      ['甲一', '甲村', '9000.00', '2014-01-01'],
      ['甲二', '甲村', '1000.00', '2012-01-01'],
      ['乙一', '乙村', '8999.00', '2014-01-01'],
      ['乙二', '乙村', '1001.00', '2012-01-01'],
    ] as const)
      ids[name] = await loan(api, tenantId, {
        name,
        principal,
        startDate: '2011-01-01',
        dueOn,
        groups: [{ type: 'village', code: village }],
      });
    ids['林勇'] = await amnestyLoan('林勇');
    ids['徐磊'] = await amnestyLoan('徐磊');
    for (const name of ['甲二', '乙二', '林勇', '徐磊'])
      cases[name] = await openCase(api, tenantId, users.chief.id, ids[name].debtorId);
  }, 120_000);
  afterAll(async () => api?.close());

  it('launched on 2013-03-01 the five phases fall on the shifted dates; the 4 NPL cases (DPD > 90) are in scope', async () => {
    const response = await api
      .http()
      .post('/api/v1/drives')
      .set(bearer(users.chief.token))
      .send({ drive: 'npl-drive', launchDate: '2013-03-01' })
      .expect(201);
    expect(response.body.phases).toEqual([
      { key: 'survey', startsOn: '2013-03-01', endsOn: '2013-03-05' },
      { key: 'determination', startsOn: '2013-03-06', endsOn: '2013-04-05' },
      { key: 'mobilisation', startsOn: '2013-04-06', endsOn: '2013-04-12' },
      { key: 'collection', startsOn: '2013-04-13', endsOn: '2013-08-21' },
      { key: 'review', startsOn: '2013-08-22', endsOn: '2013-09-21' },
    ]);
    expect(response.body).toMatchObject({ created: true, cases: 4, endsOn: '2013-09-21' });
  });

  it('night by night through full collection (04-13…04-15) the engine moves no case — gap: drivePhase is not judged by EvaluateCases', async () => {
    for (const date of ['2013-04-13', '2013-04-14', '2013-04-15']) {
      const summary = await runNight(api, tenantId, date);
      expect(summary).toMatchObject({ stageChanges: 0, tasksCreated: 0, noticesIssued: 0 });
    }
  });

  it('amnesty: 林勇 settles 11,250.00 on 04-21 — penalty 1,335.00 and compound 48.06 waived for 890.00 contract interest (493.06 saved)', async () => {
    api.clock.set(nightOf('2013-04-21'));
    await pay(api, tenantId, ids['林勇'].accountId, '2013-04-21', '11250.00');
    await approveWaiver('林勇');
    const { balance, amnesty } = await incentives('林勇', '2013-04-25');
    expect(amnesty).toMatchObject({
      id: 'amnesty',
      deadline: '2013-04-21',
      status: 'applied',
      settledOn: '2013-04-21',
      figures: {
        normalTerms: { interest: '360.00', penaltyInterest: '1335.00', compoundInterest: '48.06' },
        incentiveTerms: { interest: '1250.00', penaltyInterest: '0.00', compoundInterest: '0.00' },
        waived: { total: '493.06' },
      },
    });
    expect(balance.totalDue).toBe('0.00');
  });

  it('amnesty lapses a day late: 徐磊 paying the same 11,250.00 on 04-22 still owes principal', async () => {
    await approveWaiver('徐磊');
    api.clock.set(nightOf('2013-04-22'));
    await pay(api, tenantId, ids['徐磊'].accountId, '2013-04-22', '11250.00');
    const { balance, amnesty } = await incentives('徐磊', '2013-04-22');
    expect(amnesty.status).toBe('lapsed');
    expect(Number(balance.totalDue)).toBeGreaterThan(0);
  });

  it('credit villages on 04-22: 甲村 10.00% NPL → rated; 乙村 10.01% → not', async () => {
    const response = await api
      .http()
      .get('/api/v1/ratings?groupType=village&asOf=2013-04-22')
      .set(bearer(users.chief.token))
      .expect(200);
    const by = Object.fromEntries(
      response.body.ratings.map((r: { groupCode: string }) => [r.groupCode, r]),
    );
    expect(by['甲村']).toMatchObject({
      ratingId: 'credit-village',
      granted: true,
      criteria: [{ metric: 'nplRatio', bound: { max: '0.1' }, display: '10.00%', holds: true }],
    });
    expect(by['乙村']).toMatchObject({
      granted: false,
      criteria: [{ display: '10.01%', holds: false }],
    });
  });

  it("an NPL debtor's plan as the co-op negotiates it: 乙二's 1,001.00 + 120.00 罚息 waived in full, 20% down, no instalment under 500.00", async () => {
    const plan = (count: number) =>
      api.commands.execute(
        new ProposePlan(meta(tenantId, users.deputy.id, ['manager']), {
          caseId: cases['乙二'],
          arrears: '1001.00',
          penalty: '120.00',
          waiver: '120.00',
          downPayment: '200.20',
          count,
          startOn: '2013-04-23',
          firstDueOn: '2013-05-23',
        }),
      );
    // 800.80 in two is 400.40 a month: under the pack's 500.00.
    await expect(plan(2)).rejects.toMatchObject({
      status: 400,
      problems: [expect.objectContaining({ path: 'count' })],
    });
    expect(await plan(1)).toMatchObject({ total: '1001.00', approvalId: null });
  });
});
