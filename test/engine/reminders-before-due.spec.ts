import { AddRelatedParty } from '../../libs/ledger/src';
import type { CollectionTestApi } from '../collection/support/collection-api';
import {
  loan,
  Member,
  meta,
  nightOf,
  noticesOf,
  openCase,
  packTenant,
  pay,
  runNight,
} from '../packs/support/pack-scenario';

/**
 * 篇二/篇七 到期提醒 with the real student-loan pack: the letter 30 days and the SMS 7 days
 * before each due date, to the student and the parent (co-borrower). Every loan: 6,000.00
 * due 2026-06-30. 甲 unpaid, case opened 05-01; 乙 repaid in full on 05-20, case opened
 * 05-01; 丙 unpaid, case opened 06-10 — after the letter's date (05-31), before the SMS's.
 */
const DUE = '2026-06-30';

describe('reminders before the due date (篇二): once per installment, not when paid, not back-fired', () => {
  let api: CollectionTestApi;
  let tenantId: string;
  let users: Record<'principal', Member>;
  const cases: Record<string, string> = {};
  const templates = async (name: string) =>
    (await noticesOf(api, cases[name])).map((n) => `${n.template_id}→${n.recipient}`);

  async function borrowerWithParent(name: string, openOn: string) {
    const made = await loan(api, tenantId, {
      name,
      type: 'student-loan',
      principal: '6000.00',
      startDate: '2021-09-01',
      dueOn: DUE,
    });
    await api.commands.execute(
      new AddRelatedParty(meta(tenantId), made.debtorId, {
        kind: 'co-borrower',
        relation: '父母',
        name: `${name}家长`,
        accountId: made.accountId,
      }),
    );
    api.clock.set(nightOf(openOn));
    cases[name] = await openCase(api, tenantId, users.principal.id, made.debtorId);
    return made;
  }

  beforeAll(async () => {
    ({ api, tenantId, users } = await packTenant('student-loan', nightOf('2026-05-01'), {
      principal: ['manager'],
    }));
    await borrowerWithParent('甲', '2026-05-01');
    const paid = await borrowerWithParent('乙', '2026-05-01');
    api.clock.set(nightOf('2026-05-20'));
    await pay(api, tenantId, paid.accountId, '2026-05-20', '6000.00');
  }, 120_000);
  afterAll(async () => api?.close());

  it('05-30: nothing yet; 05-31 (30 days before): the letter to 甲 and his parent — 乙 has paid', async () => {
    expect(await runNight(api, tenantId, '2026-05-30')).toMatchObject({ remindersFired: 0 });
    const summary = await runNight(api, tenantId, '2026-05-31');
    expect(summary).toMatchObject({ remindersFired: 2, noticesIssued: 2, noticeFailures: [] });
    expect(await templates('甲')).toEqual([
      'student-loan/maturity-reminder→借款人',
      'student-loan/maturity-reminder→共同借款人',
    ]);
    expect(await templates('乙')).toEqual([]);
  });

  it('05-31 evaluated again, and 06-01: no second letter', async () => {
    for (const date of ['2026-05-31', '2026-06-01'])
      expect(await runNight(api, tenantId, date)).toMatchObject({
        remindersFired: 0,
        noticesIssued: 0,
      });
    expect(await templates('甲')).toHaveLength(2);
  });

  it('06-23 (7 days before): the SMS to 甲 and to 丙 (opened 06-10), but no back-fired letter for 丙', async () => {
    await borrowerWithParent('丙', '2026-06-10');
    expect(await runNight(api, tenantId, '2026-06-10')).toMatchObject({ remindersFired: 0 });
    const summary = await runNight(api, tenantId, '2026-06-23');
    expect(summary).toMatchObject({ remindersFired: 4, noticesIssued: 4, noticeFailures: [] });
    expect(await templates('丙')).toEqual([
      'student-loan/maturity-sms→借款人',
      'student-loan/maturity-sms→共同借款人',
    ]);
    expect(await templates('甲')).toHaveLength(4);
    expect(await templates('乙')).toEqual([]);
  });

  it('06-24 and the due date itself: the SMS fired once; after the due date no reminder at all', async () => {
    for (const date of ['2026-06-24', DUE, '2026-07-01'])
      expect(await runNight(api, tenantId, date)).toMatchObject({ remindersFired: 0 });
    // 07-01 is DPD 1: the ladder's collection notice, not a reminder.
    expect((await templates('甲')).filter((t) => t.includes('maturity'))).toHaveLength(4);
  });
});
