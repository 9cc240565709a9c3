import type { CollectionTestApi } from '../collection/support/collection-api';
import { tenantWithUsers } from '../collection/support/fixtures';
import { bearer, borrower, installPack, pay, startKpiApi } from './support/kpi-fixtures';

/**
 * 篇九: "今年我部回收贷款2092万元，完成全年任务数的91%", "我部个贷率达到82%", and 归集 催缴.
 * recoveredVsPlan: arrears recovered this year ÷ the annual plan (23,000,000.00);
 * loanToDepositRatio: housing-fund loan principal outstanding ÷ the deposit balance entered
 * for the period (kpi_inputs); contributionArrearsRatio: contributions due and unpaid ÷ due.
 */
describe('housing-fund targets: recovered vs the annual plan, loan-to-deposit, contribution arrears', () => {
  let api: CollectionTestApi;
  let token: string;

  beforeAll(async () => {
    api = await startKpiApi({ now: '2013-12-01T10:00:00+08:00' });
    const setup = await tenantWithUsers(api, 'housing-fund', { director: ['manager'] });
    token = setup.users.director.token;
    const tenantId = setup.tenantId;
    await installPack(api, tenantId, 'test-targets');
    const { accountId } = await borrower(api, tenantId, {
      name: '逾期贷款户',
      type: 'housing-fund-loan',
      principal: '29130000.00',
      startDate: '2010-01-31',
      dueOn: '2013-01-31',
    });
    await pay(api, tenantId, accountId, '2013-03-31', '17710000.00');
    await pay(api, tenantId, accountId, '2013-11-15', '3220000.00');
    // An employer due 10,000.00 at each month's end; 81,000.00 paid by October.
    const months = Array.from({ length: 12 }, (_, i) => i + 1);
    const lastDay = (m: number) => new Date(Date.UTC(2013, m, 0)).getUTCDate();
    const employer = await borrower(api, tenantId, {
      name: '县煤矿',
      type: 'employer-contribution',
      principal: '120000.00',
      startDate: '2013-01-01',
      dueOn: '2013-12-31',
      installments: months.map((m) => ({
        dueDate: `2013-${String(m).padStart(2, '0')}-${lastDay(m)}`,
        principal: '10000.00',
      })),
    });
    await pay(api, tenantId, employer.accountId, '2013-10-20', '81000.00');
    await api
      .http()
      .post('/api/v1/kpi/inputs')
      .set(bearer(token))
      .send({
        input: 'deposit-balance',
        periodStart: '2013-11-01',
        periodEnd: '2013-11-30',
        amount: '10000000.00',
      })
      .expect(201);
  }, 120_000);
  afterAll(async () => api.close());

  const targets = async (asOf: string) => {
    const response = await api
      .http()
      .get(`/api/v1/targets?asOf=${asOf}`)
      .set(bearer(token))
      .expect(200);
    return Object.fromEntries(
      response.body.targets.map((t: { id: string; results: unknown[] }) => [t.id, t.results[0]]),
    );
  };

  it('in October 17,710,000.00 of 23,000,000.00 is 77.00%: at risk (14.00% short) while the year runs', async () => {
    const october = await targets('2013-10-31');
    expect(october['recovery-plan']).toMatchObject({
      numerator: '17710000.00',
      display: '77.00%',
      status: 'at-risk',
      gapDisplay: '14.00%',
    });
    // No deposit figure entered for October: nothing to divide by.
    expect(october['loan-to-deposit']).toMatchObject({ value: null, status: 'no-data' });
    // 9,000.00 of the 90,000.00 due before 10-31 (January–September; October's falls due
    // on the day itself, not yet in arrears) is unpaid.
    expect(october['contribution-arrears']).toMatchObject({ display: '10.00%', status: 'met' });
  });

  it('by 2013-11-30: 20,930,000.00 recovered = 91.00% of plan (met); loans 8,200,000.00 ÷ deposits 10,000,000.00 = 82.00% (met)', async () => {
    const november = await targets('2013-11-30');
    expect(november['recovery-plan']).toMatchObject({
      numerator: '20930000.00',
      denominator: '23000000.00',
      value: '0.910000',
      status: 'met',
    });
    expect(november['loan-to-deposit']).toMatchObject({
      numerator: '8200000.00',
      denominator: '10000000.00',
      display: '82.00%',
      status: 'met',
    });
  });
});
