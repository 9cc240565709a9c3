import { ProposePlan } from '../../libs/collection/src';
import { meta as as } from '../kpi/support/kpi-fixtures';
import { AddRelatedParty } from '../../libs/ledger/src';
import type { CollectionTestApi } from '../collection/support/collection-api';
import {
  bearer,
  loan,
  Member,
  meta,
  nightOf,
  noticesOf,
  openCase,
  packTenant,
  pay,
  runNight,
  tasksOf,
} from './support/pack-scenario';

/**
 * 篇二 "确保学生违约率控制在5%以内，力争实现"0"违约", the group's duties and the reminders before
 * each due date, with the real policies/student-loan pack (defaulted: unpaid > 90 days).
 * Every installment is 6,000.00 due 2026-01-31. 县一中: 20 borrowers, 1 unpaid (王小明);
 * 县二中: 4 borrowers, 1 unpaid (李小红). Each unpaid borrower's parent is the co-borrower.
 */
const DUE = '2026-01-31';

describe('student-loan (篇二): notices to student and parent, local help, default rate per school vs 5%', () => {
  let api: CollectionTestApi;
  let tenantId: string;
  let users: Record<'principal' | 'member', Member>;
  const cases: Record<string, string> = {};

  const night = (date: string) => runNight(api, tenantId, date);
  const defaultRate = async (asOf: string) => {
    const response = await api
      .http()
      .get(`/api/v1/targets?asOf=${asOf}&groupType=school`)
      .set(bearer(users.principal.token))
      .expect(200);
    const target = response.body.targets.find((t: { id: string }) => t.id === 'default-rate');
    return Object.fromEntries(
      target.results.map((r: { groupCode: string }) => [r.groupCode, r]),
    ) as Record<string, Record<string, string>>;
  };

  beforeAll(async () => {
    ({ api, tenantId, users } = await packTenant('student-loan', nightOf('2025-12-31'), {
      principal: ['manager'],
      member: ['field-collector'],
    }));
    for (const [school, size, late] of [
      ['县一中', 20, '王小明'],
      ['县二中', 4, '李小红'],
    ] as const) {
      for (let i = 0; i < size; i += 1) {
        const name = i === 0 ? late : `${school}学生${i}`;
        const made = await loan(api, tenantId, {
          name,
          type: 'student-loan',
          principal: '6000.00',
          startDate: '2021-09-01',
          dueOn: DUE,
          groups: [
            { type: 'school', code: school },
            { type: 'cohort', code: '2021' },
          ],
        });
        if (i === 0) {
          await api.commands.execute(
            new AddRelatedParty(meta(tenantId), made.debtorId, {
              kind: 'co-borrower',
              relation: '父母',
              name: `${name}家长`,
              accountId: made.accountId,
            }),
          );
          cases[name] = await openCase(api, tenantId, users.principal.id, made.debtorId);
        } else {
          api.clock.set(nightOf(DUE));
          await pay(api, tenantId, made.accountId, DUE, '6000.00');
          api.clock.set(nightOf('2025-12-31'));
        }
      }
    }
  }, 180_000);
  afterAll(async () => api?.close());

  it('30 and 7 days before the due date (01-01, 01-24): the reminder letter, then the SMS, to each unpaid student and parent — once', async () => {
    const expected: Record<string, number> = { '2026-01-01': 4, '2026-01-24': 4, [DUE]: 0 };
    for (const date of ['2026-01-01', '2026-01-24', DUE]) {
      const summary = await night(date);
      expect(summary).toMatchObject({
        remindersFired: expected[date],
        noticesIssued: expected[date],
        noticeFailures: [],
        tasksCreated: 0,
      });
      expect(await night(date)).toMatchObject({ remindersFired: 0, noticesIssued: 0 });
    }
    const notices = await noticesOf(api, cases['王小明']);
    expect(notices.map((n) => [n.template_id, n.recipient])).toEqual([
      ['student-loan/maturity-reminder', '借款人'],
      ['student-loan/maturity-reminder', '共同借款人'],
      ['student-loan/maturity-sms', '借款人'],
      ['student-loan/maturity-sms', '共同借款人'],
    ]);
  });

  it('02-01 (DPD 1): the members’ three tasks; the 催收通知书 goes to the student and the parent', async () => {
    const summary = await night('2026-02-01');
    expect(summary.stageCounts).toEqual({ notified: 2 });
    expect(summary.noticeFailures).toEqual([]);
    const notices = await noticesOf(api, cases['王小明']);
    expect(notices.map((n) => n.template_id).filter((t) => !t.includes('maturity'))).toEqual([
      'student-loan/collection-notice',
      'student-loan/collection-notice',
    ]);
    expect((await tasksOf(api, cases['王小明'])).map((t) => [t.kind, t.title])).toEqual([
      ['letter', '送达催收通知（送达催收通知）'],
      ['other', '宣传信贷政策（送达催收通知）'],
      ['other', '核实学生及家长联系信息（送达催收通知）'],
    ]);
  });

  it('03-02 (DPD 30): a home visit with the parent; 05-01 (DPD 90): the leader brings in township and village help', async () => {
    await night('2026-03-02');
    await night('2026-05-01');
    const tasks = (await tasksOf(api, cases['李小红'])).map((t) => [t.kind, t.due]);
    expect(tasks.slice(3)).toEqual([
      ['visit', '2026-03-02'],
      ['other', '2026-05-01'],
    ]);
  });

  it('default rate: on 05-01 (day 90) nobody has defaulted; on 05-02 县一中 1/20 = 5.00% met, 县二中 1/4 = 25.00% missed by 20.00%', async () => {
    const before = await defaultRate('2026-05-01');
    expect([before['县一中'].display, before['县二中'].display]).toEqual(['0.00%', '0.00%']);
    const after = await defaultRate('2026-05-02');
    expect(after['县一中']).toMatchObject({
      numerator: '1',
      denominator: '20',
      display: '5.00%',
      status: 'met',
      gap: '0.000000',
    });
    expect(after['县二中']).toMatchObject({
      numerator: '1',
      denominator: '4',
      display: '25.00%',
      status: 'missed',
      gapDisplay: '20.00%',
    });
  });

  it("a graduate's plan: 王小明's 6,000.00 with nothing down as 24 × 250.00 from his first pay month; 25 instalments are refused", async () => {
    const plan = (count: number) =>
      api.commands.execute(
        new ProposePlan(as(tenantId, users.principal.id, ['manager']), {
          caseId: cases['王小明'],
          arrears: '6000.00',
          count,
          startOn: '2026-07-01',
          firstDueOn: '2026-08-01',
        }),
      );
    await expect(plan(25)).rejects.toMatchObject({ status: 400 });
    expect(await plan(24)).toMatchObject({ total: '6000.00', approvalId: null });
  });
});
