import { addDays } from '../../libs/calendar/src';
import {
  DecideApproval,
  EvaluatePromises,
  ProposePlan,
  RecordPromise,
} from '../../libs/collection/src';
import type { CollectionTestApi } from '../collection/support/collection-api';
import { meta } from '../kpi/support/kpi-fixtures';
import {
  loan,
  Member,
  nightOf,
  noticeHtml,
  noticesOf,
  openCase,
  ownerQuery,
  packTenant,
  pay,
  periodsOf,
  plain,
  range,
  repeatingOf,
  runNight,
  tasksOf,
} from './support/pack-scenario';

/**
 * 篇六 "逾期当日…上门…；前三天每日电话催要；逾期4日…再次上门并与担保方联系；逾期7日送达逾期催收函，
 * 此后每日电话催要直至还款；长时间拖欠…提请司法程序；…还款完毕后列入黑名单，以后不予放贷" with the
 * real policies/microloan-overdue pack. Day 0 is Monday 2026-03-02. 0% loans, so what is due
 * is exactly the principal. A 5,000.00 (guarantor 张保), B 3,000.00 (pays on day 2),
 * C 20,000.00 due 88 days before day 0, D 8,000.00 with two broken promises.
 */
const D0 = '2026-03-02';
const day = (n: number) => addDays(D0, n);

describe('microloan-overdue (篇六): the day-0/1-3/4/7 ladder, legal referral and the blacklist', () => {
  let api: CollectionTestApi;
  let tenantId: string;
  let users: Record<'boss' | 'am' | 'legal', Member>;
  const cases: Record<string, string> = {};
  const accounts: Record<string, string> = {};

  const open = async (name: string, principal: string, dueOn: string, guarantor?: string) => {
    const made = await loan(api, tenantId, {
      name: `客户${name}`,
      type: 'microloan',
      principal,
      startDate: '2025-09-01',
      dueOn,
      guarantor,
    });
    accounts[name] = made.accountId;
    cases[name] = await openCase(api, tenantId, users.boss.id, made.debtorId);
  };
  const night = (n: number) => runNight(api, tenantId, day(n));
  const kinds = async (name: string, on: number) =>
    (await tasksOf(api, cases[name])).filter((t) => t.due === day(on)).map((t) => t.kind);
  const promise = (name: string, dueOn: string) =>
    api.commands.execute(
      new RecordPromise(meta(tenantId, users.boss.id, ['manager']), {
        caseId: cases[name],
        amount: '8000.00',
        dueOn,
      }),
    );
  const judgePromises = (on: string) =>
    api.commands.execute(new EvaluatePromises(meta(tenantId, users.boss.id, ['manager']), on));

  beforeAll(async () => {
    const setup = await packTenant('microloan-overdue', nightOf(D0), {
      boss: ['manager'],
      am: ['field-collector'],
      legal: ['legal'],
    });
    ({ api, tenantId, users } = setup);
    await open('A', '5000.00', D0, '张保');
    await open('B', '3000.00', D0);
    await open('C', '20000.00', day(-88), '李保');
    await open('D', '8000.00', D0);
  }, 120_000);
  afterAll(async () => api?.close());

  const byTemplate = <T extends { template_id: string }>(notices: T[], name: string): T =>
    notices.find((n) => n.template_id === `microloan-overdue/${name}`) as T;

  it('day 0: A, B and D get one field visit each (the 5-point checklist); C, imported at DPD 88, catches up into demand-letter', async () => {
    const summary = await night(0);
    expect(summary.stageCounts).toEqual({ 'first-visit': 3, 'demand-letter': 1 });
    for (const name of ['A', 'B', 'D']) expect(await kinds(name, 0)).toEqual(['visit']);
    expect((await tasksOf(api, cases.A))[0].title).toBe('外访（逾期当日上门查看）');
    expect((await kinds('C', 0)).sort()).toEqual(['call', 'contact-guarantor']);
    expect(summary.noticeFailures).toEqual([]);
    const notices = await noticesOf(api, cases.C);
    expect(notices.map((n) => n.template_id).sort()).toEqual([
      'microloan-overdue/guarantor-demand',
      'microloan-overdue/overdue-demand',
    ]);
    const letter = plain(
      await noticeHtml(api, users.boss.token, byTemplate(notices, 'guarantor-demand').id),
    );
    expect(letter).toContain('已逾期88天');
    expect(letter).toContain('人民币20,000.00元（大写：贰万元整）');
  });

  it('days 1-3: exactly one call a day for A and D; B pays 3,000.00 on day 2 and leaves the ladder', async () => {
    await promise('D', day(3));
    for (const n of [1, 2, 3]) {
      api.clock.set(nightOf(day(n)));
      if (n === 2) await pay(api, tenantId, accounts.B, day(2), '3000.00');
      await night(n);
      expect(await kinds('A', n)).toEqual(['call']);
      expect(await kinds('D', n)).toEqual(['call']);
    }
    expect(await kinds('B', 1)).toEqual(['call']);
    expect(await kinds('B', 2)).toEqual([]);
    const [b] = await ownerQuery<{ stage: string | null }>(
      api,
      `select stage from cases where id = $1`,
      [cases.B],
    );
    expect(b.stage).toBeNull();
  });

  it('day 2: C reaches DPD 90 — one legal-referral approval for the legal role', async () => {
    const approvals = await ownerQuery(
      api,
      `select kind, approver_role, status, (payload->>'asOf') as as_of from approvals where case_id = $1`,
      [cases.C],
    );
    expect(approvals).toEqual([
      { kind: 'legal-referral', approver_role: 'legal', status: 'pending', as_of: day(2) },
    ]);
  });

  it('day 4: A gets a second visit and a guarantor contact (inform), and no call', async () => {
    api.clock.set(nightOf(day(4)));
    await judgePromises(day(4)); // D's first promise (due day 3) is broken
    await promise('D', day(5));
    await night(4);
    expect((await kinds('A', 4)).sort()).toEqual(['contact-guarantor', 'visit']);
    const titles = (await tasksOf(api, cases.A)).map((t) => t.title);
    expect(titles).toContain('联系担保人（逾期4日再上门并联系担保方）');
  });

  it('day 7: A enters demand-letter — the 逾期催收函 and the guarantor letter both say 5,000.00 / 伍仟元整', async () => {
    await night(5);
    api.clock.set(nightOf(day(6)));
    await judgePromises(day(6)); // D's second promise (due day 5) is broken: 2 broken
    await night(6);
    const summary = await night(7);
    const notices = await noticesOf(api, cases.A);
    expect(notices.map((n) => [n.template_id, n.recipient]).sort()).toEqual([
      ['microloan-overdue/guarantor-demand', '担保人'],
      ['microloan-overdue/overdue-demand', '借款人'],
    ]);
    expect(summary.noticeFailures).toEqual([]);
    const demand = plain(
      await noticeHtml(api, users.boss.token, byTemplate(notices, 'overdue-demand').id),
    );
    expect(demand).toContain('5,000.00');
    expect(demand).toContain('伍仟元整');
    const guarantor = plain(
      await noticeHtml(api, users.boss.token, byTemplate(notices, 'guarantor-demand').id),
    );
    expect(guarantor).toContain('张保：');
    expect(guarantor).toContain('已逾期7天');
    expect(guarantor).toContain('人民币5,000.00元（大写：伍仟元整）');
    expect((await kinds('A', 7)).sort()).toEqual(['call', 'contact-guarantor']);
    expect(summary.noticesIssued).toBe(2);
  });

  it('day 6: D, with 2 broken promises, goes to legal at DPD 6 — a legal-referral approval before any notice', async () => {
    const [d] = await ownerQuery<{ stage: string }>(api, `select stage from cases where id = $1`, [
      cases.D,
    ]);
    expect(d.stage).toBe('legal');
    const approvals = await ownerQuery(
      api,
      `select kind, status from approvals where case_id = $1`,
      [cases.D],
    );
    expect(approvals).toEqual([{ kind: 'legal-referral', status: 'pending' }]);
  });

  it('days 8-10: a call a day for A until paid (one task rolled forward); A pays 5,000.00 on day 10 and its call series stops', async () => {
    for (const n of range(8, 9)) {
      await night(n);
      expect(await kinds('A', n)).toEqual(['call']);
    }
    api.clock.set(nightOf(day(10)));
    await pay(api, tenantId, accounts.A, day(10), '5000.00');
    await night(10);
    expect(await kinds('A', 10)).toEqual([]);
    // Days 1, 2, 3, 7, 8, 9: one call a day, each series one task rolled forward (issue 11
    // §4) — days 1-3 end on leaving daily-calls at day 4, days 7-9 when A pays on day 10.
    const calls = await repeatingOf(api, cases.A, 'call');
    expect(calls).toEqual([
      { status: 'cancelled', due: day(3), missed: 2 },
      { status: 'cancelled', due: day(9), missed: 2 },
    ]);
    expect(periodsOf(calls)).toBe(6);
    const blacklisted = await ownerQuery(api, `select 1 from blacklist where case_id = $1`, [
      cases.A,
    ]);
    expect(blacklisted).toEqual([]); // never went to legal: not blacklisted
  });

  it('C: the referral approved, 20,000.00 collected on day 12 → blacklisted from day 12, no new loans', async () => {
    const [approval] = await ownerQuery<{ id: string }>(
      api,
      `select id from approvals where case_id = $1`,
      [cases.C],
    );
    await api.commands.execute(
      new DecideApproval(meta(tenantId, users.legal.id, ['legal']), approval.id, 'approved'),
    );
    await night(11);
    api.clock.set(nightOf(day(12)));
    await pay(api, tenantId, accounts.C, day(12), '20000.00');
    const summary = await night(12);
    expect(summary.moves).toContainEqual({
      caseId: cases.C,
      from: 'legal',
      to: null,
      reason: 'cleared',
    });
    const rows = await ownerQuery(
      api,
      `select since::text as since, reason from blacklist where case_id = $1`,
      [cases.C],
    );
    expect(rows).toEqual([
      { since: day(12), reason: '结清后列入黑名单（microloan-overdue@1.0.0）' },
    ]);
  });

  it("a plan on the microloan's short terms: D's 8,000.00 with 30% down in at most 6 months; above 5,000.00 the manager approves", async () => {
    const plan = (downPayment: string, count: number) =>
      api.commands.execute(
        new ProposePlan(meta(tenantId, users.boss.id, ['manager']), {
          caseId: cases.D,
          arrears: '8000.00',
          downPayment,
          count,
          startOn: day(20),
          firstDueOn: day(50),
        }),
      );
    await expect(plan('2399.99', 7)).rejects.toMatchObject({
      status: 400,
      problems: expect.arrayContaining([
        expect.objectContaining({ path: 'downPayment' }),
        expect.objectContaining({ path: 'count' }),
      ]),
    });
    const made = await plan('2400.00', 6);
    expect(made.total).toBe('8000.00');
    expect(made.approvalId).not.toBeNull();
  });
});
