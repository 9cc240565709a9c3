import type { CollectionTestApi } from '../collection/support/collection-api';
import { tenantWithUsers } from '../collection/support/fixtures';
import { bearer, borrower, installPack, pay, startKpiApi } from './support/kpi-fixtures';

/**
 * 篇九 with the housing-fund pack itself: 回收完成率 counts the year's recoveries from before the
 * book's first day (entered as kpi_inputs `recovered-opening`) with the book's own, against the
 * annual plan 22,990,000.00; 个贷率 = loan balance ÷ the deposit balance the office entered,
 * judged in the band [82%, 95%], so a ratio of 300% never reads 达标.
 */
describe('housing fund: recovered vs plan with the opening figure, loan-to-deposit in its band', () => {
  let api: CollectionTestApi;
  let token: string;

  const input = (body: Record<string, string>) =>
    api.http().post('/api/v1/kpi/inputs').set(bearer(token)).send(body).expect(201);
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

  beforeAll(async () => {
    api = await startKpiApi({ now: '2013-12-01T10:00:00+08:00' });
    const setup = await tenantWithUsers(api, 'housing-fund', { director: ['manager'] });
    token = setup.users.director.token;
    await installPack(api, setup.tenantId, 'housing-fund');
    // The book starts in 2013 with one loan overdue since January: 2,920,000.00 is recovered
    // on it after the book's first day, leaving 22,080,000.00 outstanding.
    const { accountId } = await borrower(api, setup.tenantId, {
      name: '逾期贷款户',
      type: 'housing-fund-loan',
      principal: '25000000.00',
      startDate: '2010-01-31',
      dueOn: '2013-01-31',
    });
    await pay(api, setup.tenantId, accountId, '2013-09-30', '2920000.00');
    await input({
      input: 'recovered-opening',
      periodStart: '2013-01-01',
      periodEnd: '2013-12-31',
      amount: '18000000.00',
      note: '账套启用前本年已回收',
    });
  }, 120_000);
  afterAll(async () => api.close());

  it('18,000,000.00 before the book + 2,920,000.00 in it = 20,920,000.00 of 22,990,000.00: exactly 91.00%, met', async () => {
    const { 'recovered-vs-plan': recovered } = await targets('2013-11-30');
    expect(recovered).toMatchObject({
      numerator: '20920000.00',
      denominator: '22990000.00',
      // 90.9961%: reported to 0.01% as 91.00%, and judged as reported.
      value: '0.909961',
      display: '91.00%',
      status: 'met',
      gap: '0.000000',
    });
  });

  it('个贷率 is the loan balance over the deposit balance entered, met only inside [82%, 95%]', async () => {
    // The pack's default deposit balance (50,000,000.00) until the office enters its own.
    expect((await targets('2013-11-30'))['loan-to-deposit']).toMatchObject({
      numerator: '22080000.00',
      denominator: '50000000.00',
      display: '44.16%',
      status: 'missed',
      gapDisplay: '37.84%',
    });
    const period = { input: 'deposit-balance', periodStart: '2013-11-01', periodEnd: '2013-11-30' };
    await input({ ...period, amount: '7000000.00' });
    expect((await targets('2013-11-30'))['loan-to-deposit']).toMatchObject({
      display: '315.43%',
      status: 'missed',
      gapDisplay: '220.43%',
    });
    await input({ ...period, amount: '26926829.26' });
    expect((await targets('2013-11-30'))['loan-to-deposit']).toMatchObject({
      denominator: '26926829.26',
      display: '82.00%',
      status: 'met',
    });
  });
});
