import { ProposePlan } from '../../libs/collection/src';
import { meta as as } from '../kpi/support/kpi-fixtures';
import { QueryBus } from '@nestjs/cqrs';
import {
  ContributionArrears,
  GetContributionArrears,
} from '../../apps/api/src/console/queries/get-contribution-arrears/get-contribution-arrears.query';
import {
  CaseDeadline,
  ListCaseDeadlines,
} from '../../apps/api/src/console/queries/list-case-deadlines/list-case-deadlines.query';
import { RecordDelivery } from '../../libs/notices/src';
import { EvaluateFlags } from '../../libs/outcomes/src';
import type { CollectionTestApi } from '../collection/support/collection-api';
import {
  bearer,
  loan,
  Member,
  meta,
  nightOf,
  noticeHtml,
  noticesOf,
  openCase,
  ownerQuery,
  packTenant,
  pay,
  periodsOf,
  plain,
  repeatingOf,
  runNight,
  tasksOf,
} from './support/pack-scenario';

/**
 * 篇九 "今年我部回收贷款2092万元，完成全年任务数的91%…个贷率达到82%" and 归集 催缴, with the real
 * policies/housing-fund pack at its defaults (plan 22,990,000.00; deposits 50,000,000.00).
 * L1: 30,000,000.00 due 2013-01-31, unpaid (guarantor 王保); L2: 31,920,900.00 due 2014,
 * performing. 县煤矿 owes 10,000.00 at every month's end and pays nothing until May.
 */
describe('housing-fund (篇九): recovered vs plan 91%, loan-to-deposit 82%, contribution demands', () => {
  let api: CollectionTestApi;
  let tenantId: string;
  let users: Record<'head' | 'officer', Member>;
  const ids: Record<string, { debtorId: string; accountId: string; caseId?: string }> = {};

  const lastDay = (m: number) => new Date(Date.UTC(2013, m, 0)).getUTCDate();
  const night = (date: string) => runNight(api, tenantId, date);
  const targets = async (asOf: string) => {
    const response = await api
      .http()
      .get(`/api/v1/targets?asOf=${asOf}`)
      .set(bearer(users.head.token))
      .expect(200);
    return Object.fromEntries(
      response.body.targets.map((t: { id: string; results: unknown[] }) => [t.id, t.results[0]]),
    );
  };
  const payOn = async (name: string, date: string, amount: string) => {
    api.clock.set(nightOf(date));
    await pay(api, tenantId, ids[name].accountId, date, amount);
  };

  beforeAll(async () => {
    ({ api, tenantId, users } = await packTenant('housing-fund', nightOf('2013-01-31'), {
      head: ['manager'],
      officer: ['field-collector'],
    }));
    ids.L1 = await loan(api, tenantId, {
      name: '逾期贷款户',
      type: 'housing-fund-loan',
      principal: '30000000.00',
      startDate: '2010-01-31',
      dueOn: '2013-01-31',
      guarantor: '王保',
    });
    ids.L2 = await loan(api, tenantId, {
      name: '正常贷款户',
      type: 'housing-fund-loan',
      principal: '31920900.00',
      startDate: '2010-06-30',
      dueOn: '2014-06-30',
    });
    ids.mine = await loan(api, tenantId, {
      name: '县煤矿',
      type: 'employer-contribution',
      principal: '120000.00',
      startDate: '2013-01-01',
      dueOn: '2013-12-31',
      installments: Array.from({ length: 12 }, (_, i) => ({
        dueDate: `2013-${String(i + 1).padStart(2, '0')}-${lastDay(i + 1)}`,
        principal: '10000.00',
      })),
    });
    for (const name of ['L1', 'mine'])
      ids[name].caseId = await openCase(api, tenantId, users.head.id, ids[name].debtorId);
  }, 120_000);
  afterAll(async () => api?.close());

  it('2013-01-31 (due today) nothing; 02-01 (DPD 1): L1 gets the overdue notice and a weekly call; 县煤矿 gets a weekly call', async () => {
    expect((await night('2013-01-31')).stageCounts).toEqual({ '(none)': 2 });
    const summary = await night('2013-02-01');
    expect(summary.stageCounts).toEqual({ 'loan-overdue': 1, 'contribution-arrears': 1 });
    const [notice] = await noticesOf(api, ids.L1.caseId as string);
    const text = plain(await noticeHtml(api, users.head.token, notice.id));
    expect(text).toContain('已逾期1天');
    expect(text).toContain('逾期本息合计人民币30,000,000.00元（大写：叁仟万元整）');
    expect(text).toContain('保证人王保应依约承担保证责任');
    expect((await tasksOf(api, ids.mine.caseId as string)).map((t) => [t.kind, t.due])).toEqual([
      ['call', '2013-02-01'],
    ]);
    // 县煤矿 stopped contributing: the 催缴通知书 goes out with the pack's pay-within days.
    expect(summary.noticeFailures).toEqual([]);
    expect((await noticesOf(api, ids.mine.caseId as string)).map((n) => n.template_id)).toEqual([
      'housing-fund/contribution-demand',
    ]);
  });

  it('02-02 to 02-08: the weekly clean-up — exactly one more call each, on 02-08, rolling the open one (missed 1)', async () => {
    for (let d = 2; d <= 8; d += 1) {
      const summary = await night(`2013-02-0${d}`);
      expect(summary.tasksCreated).toBe(d === 8 ? 2 : 0);
    }
    // Issue 11 §4: the 02-01 call, still open, rolls to 02-08 and counts its week as missed.
    for (const name of ['L1', 'mine']) {
      const calls = await repeatingOf(api, ids[name].caseId as string, 'call');
      expect(calls).toEqual([{ status: 'open', due: '2013-02-08', missed: 1 }]);
      expect(periodsOf(calls)).toBe(2);
    }
  });

  it('05-01 (DPD 90): L1 escalates (visit + notice to debtor and guarantor); 县煤矿 is a stopped employer (visit, flag)', async () => {
    await payOn('L1', '2013-03-31', '17710000.00');
    const summary = await night('2013-05-01');
    expect(summary.stageCounts).toEqual({ 'loan-serious': 1, 'contribution-stopped': 1 });
    const notices = await noticesOf(api, ids.L1.caseId as string);
    expect(notices.map((n) => n.recipient)).toEqual(['借款人', '借款人', '担保人']);
    const guarantor = plain(await noticeHtml(api, users.head.token, notices[2].id));
    expect(guarantor).toContain('王保（担保人）');
    expect(guarantor).toContain('已逾期90天');
    // 30,000,000.00 − 17,710,000.00 paid on 03-31 = 12,290,000.00 still overdue.
    expect(guarantor).toContain('人民币12,290,000.00元（大写：壹仟贰佰贰拾玖万元整）');
    const visits = (await tasksOf(api, ids.mine.caseId as string)).filter(
      (t) => t.kind === 'visit',
    );
    expect(visits.map((t) => [t.title, t.due])).toEqual([
      ['深入单位宣传政策并催缴（停缴单位：上门宣传催缴并报告领导）', '2013-05-01'],
    ]);
    const flags = await api.commands.execute(new EvaluateFlags(meta(tenantId), '2013-05-01'));
    // setWhen's `not daysSince paymentReceived ≤ 31` holds: 县煤矿 has never paid.
    expect(flags.flags).toContainEqual({
      flag: 'contribution-stopped',
      set: 1,
      cleared: 0,
      problems: [],
    });
    // The dashboard's 单位欠缴: January–April unpaid, 停缴月数 4 from the contribution ledger.
    const arrears = await api.app
      .get(QueryBus)
      .execute<GetContributionArrears, ContributionArrears>(
        new GetContributionArrears(meta(tenantId, users.head.id)),
      );
    expect(arrears).toMatchObject({ employers: 1, stopped: 1, months: 4, arrears: '40000.00' });
    expect(arrears.rows).toMatchObject([
      { name: '县煤矿', months: 4, arrears: '40000.00', stoppedSince: '2013-05-01' },
    ]);
  });

  it('05-10: 县煤矿 pays 40,000.00 (January–April): it leaves the ladder and resumed contributions clear the stopped flag', async () => {
    await payOn('mine', '2013-05-10', '40000.00');
    const summary = await night('2013-05-10');
    expect(summary.moves).toContainEqual({
      caseId: ids.mine.caseId,
      from: 'contribution-stopped',
      to: null,
      reason: 'cleared',
    });
    const flags = await api.commands.execute(new EvaluateFlags(meta(tenantId), '2013-05-10'));
    // clearWhen `daysSince paymentReceived ≤ 31` (resumedWithinDays): paid today, 0 days ago.
    expect(flags.flags).toContainEqual({
      flag: 'contribution-stopped',
      set: 0,
      cleared: 1,
      problems: [],
    });
    const rows = await ownerQuery(
      api,
      `select flag, set_on::text as set_on, cleared_on::text as cleared_on from pack_flags where tenant_id = $1`,
      [tenantId],
    );
    expect(rows).toEqual([
      { flag: 'contribution-stopped', set_on: '2013-05-01', cleared_on: '2013-05-10' },
    ]);
  });

  it('06-01 the May demand goes out; signed 06-03, its 30 days run to 07-03; on 07-04 it has lapsed unpaid: court enforcement, flag, the head told', async () => {
    expect((await night('2013-06-01')).stageCounts).toMatchObject({ 'contribution-arrears': 1 });
    const demand = (await noticesOf(api, ids.mine.caseId as string)).pop() as { id: string };
    api.clock.set(nightOf('2013-06-03'));
    const signed = await api.commands.execute(
      new RecordDelivery(meta(tenantId), demand.id, 'signed', '2013-06-03'),
    );
    // 收到本通知之日起30日内: the day of receipt not counted, 06-04 … 07-03.
    expect(signed.notice.deadline).toBe('2013-07-03');
    const lastDay = await night('2013-07-03');
    expect(lastDay.stageCounts).toMatchObject({ 'contribution-arrears': 1 });
    const lapsed = await night('2013-07-04');
    expect(lapsed.moves).toContainEqual({
      caseId: ids.mine.caseId,
      from: 'contribution-arrears',
      to: 'contribution-demand-lapsed',
      reason: 'escalated',
    });
    const tasks = await tasksOf(api, ids.mine.caseId as string);
    // The pack's task kind enforcement-application is a review task, named by the pack.
    const enforcement = tasks.filter((t) => t.title.startsWith('整理材料申请人民法院强制执行'));
    expect(enforcement.map((t) => [t.kind, t.status, t.due])).toEqual([
      ['review', 'open', '2013-07-04'],
    ]);
    const flags = await ownerQuery(
      api,
      `select set_on::text as set_on from pack_flags
       where tenant_id = $1 and flag = 'contribution-demand-lapsed' and cleared_on is null`,
      [tenantId],
    );
    expect(flags).toEqual([{ set_on: '2013-07-04' }]);
    const told = await ownerQuery(
      api,
      `select detail->>'role' as role, as_of::text as as_of from engine_actions
       where case_id = $1 and stage = 'contribution-demand-lapsed' and action = 'notifyRole'`,
      [ids.mine.caseId],
    );
    expect(told).toEqual([{ role: 'department-head', as_of: '2013-07-04' }]);
    // The case page's header: the demand's 法定期限, lapsed.
    const deadlines = await api.app
      .get(QueryBus)
      .execute<ListCaseDeadlines, CaseDeadline[]>(
        new ListCaseDeadlines(meta(tenantId, users.head.id), ids.mine.caseId as string),
      );
    expect(deadlines).toMatchObject([
      { noticeId: demand.id, deadline: '2013-07-03', lapsed: true },
    ]);
  });

  it('KPIs: 10-31 recovered 17,710,000.00 = 77.03% of 22,990,000.00 (at risk); 11-30 20,920,900.00 = 91.00% (met); 个贷率 82.00% (met)', async () => {
    const october = await targets('2013-10-31');
    expect(october['recovered-vs-plan']).toMatchObject({
      numerator: '17710000.00',
      denominator: '22990000.00',
      display: '77.03%',
      status: 'at-risk',
    });
    await payOn('L1', '2013-11-15', '3210900.00');
    const november = await targets('2013-11-30');
    expect(november['recovered-vs-plan']).toMatchObject({
      numerator: '20920900.00',
      value: '0.910000',
      display: '91.00%',
      status: 'met',
    });
    // L1 9,079,100.00 + L2 31,920,900.00 = 41,000,000.00 ÷ 50,000,000.00.
    expect(november['loan-to-deposit']).toMatchObject({
      numerator: '41000000.00',
      denominator: '50000000.00',
      display: '82.00%',
      status: 'met',
    });
    // 9,079,100.00 overdue of 41,000,000.00 = 22.14% against a 0.15% ceiling.
    expect(november['overdue-rate']).toMatchObject({ display: '22.14%', status: 'missed' });
  });

  it("plans for an employer's unpaid contributions as for a borrower: down ≥ 20%, ≤ 12 of ≥ 1,000.00; the head agrees, above 100,000.00 it waits for the approval", async () => {
    const plan = (who: 'head', name: string, arrears: string, down: string) =>
      api.commands.execute(
        new ProposePlan(as(tenantId, users[who].id, ['manager']), {
          caseId: ids[name].caseId as string,
          arrears,
          downPayment: down,
          count: 12,
          startOn: '2013-12-02',
          firstDueOn: '2014-01-02',
        }),
      );
    // 县煤矿's 60,000.00: 12,000.00 down and 12 × 4,000.00 (one cent less down is refused).
    await expect(plan('head', 'mine', '60000.00', '11999.99')).rejects.toMatchObject({
      status: 400,
    });
    expect(await plan('head', 'mine', '60000.00', '12000.00')).toMatchObject({
      total: '60000.00',
      approvalId: null,
    });
    // L1's 9,079,100.00 is far above 100,000.00: the plan waits for the head's approval.
    const big = await plan('head', 'L1', '9079100.00', '1815820.00');
    expect(big.approvalId).not.toBeNull();
  });
});
