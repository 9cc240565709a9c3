import { assign } from '../collection/support/fixtures';
import { startEngineWorker } from '../engine/support/engine-worker';
import type { CollectionTestApi } from '../collection/support/collection-api';
import { PackContactPolicy } from '../../libs/engine/src';
import { ProposePlan } from '../../libs/collection/src';
import { meta } from '../kpi/support/kpi-fixtures';
import {
  loan,
  Member,
  noticeHtml,
  noticesOf,
  openCase,
  ownerQuery,
  packTenant,
  pay,
  plain,
  runNight,
} from './support/pack-scenario';

/**
 * 篇八 with the real policies/card-collection-agency pack: the collection letter 7 days after
 * assignment if still unpaid, and "催收人员只能与持卡人本人及担保人联系". Cards due 2026-02-01.
 * A (12,345.67) assigned Friday 2026-03-06 16:00; B (8,800.00) assigned Monday 03-09 10:00;
 * C (3,000.00) never assigned; D (5,000.00) assigned 03-06 and paid in full on 03-10.
 */
const local = (date: string, time: string) => `${date}T${time}:00+08:00`;
const dates = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `2026-03-${String(from + i).padStart(2, '0')}`);

describe('card-collection-agency (篇八): letter 7 days after assignment; contact only debtor and guarantor', () => {
  let api: CollectionTestApi;
  let tenantId: string;
  let users: Record<'sup' | 'phone', Member>;
  const ids: Record<string, { debtorId: string; accountId: string; caseId: string }> = {};
  const letters = async (name: string) =>
    (await noticesOf(api, ids[name].caseId)).map((n) => n.template_id);

  beforeAll(async () => {
    ({ api, tenantId, users } = await packTenant(
      'card-collection-agency',
      local('2026-03-06', '09:00'),
      {
        sup: ['manager'],
        phone: ['phone-collector'],
      },
    ));
    for (const [name, principal] of [
      ['A', '12345.67'],
      ['B', '8800.00'],
      ['C', '3000.00'],
      ['D', '5000.00'],
    ]) {
      const made = await loan(api, tenantId, {
        name: `持卡人${name}`,
        type: 'card-account',
        principal,
        startDate: '2025-12-01',
        dueOn: '2026-02-01',
        guarantor: name === 'A' ? '担保人甲' : undefined,
      });
      ids[name] = { ...made, caseId: await openCase(api, tenantId, users.sup.id, made.debtorId) };
    }
    api.clock.set(local('2026-03-06', '16:00'));
    await assign(api, users.sup, ids.A.caseId, users.phone);
    await assign(api, users.sup, ids.D.caseId, users.phone);
  }, 120_000);
  afterAll(async () => api?.close());

  it('assigned Friday 16:00: a call task for the phone collector within 2 working hours — 1.5 h on Friday, SLA Monday 03-09 09:30', async () => {
    const worker = await startEngineWorker(api);
    try {
      for (const event of await worker.take(tenantId)) await worker.deliver(event);
    } finally {
      await worker.close();
    }
    const calls = await ownerQuery<{
      case_id: string;
      role: string;
      assignee_id: string;
      sla: string;
    }>(
      api,
      `select case_id, role, assignee_id,
              to_char(sla_due_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as sla
       from tasks where tenant_id = $1 and kind = 'call' order by sla_due_at, case_id`,
      [tenantId],
    );
    const expected = [ids.A.caseId, ids.D.caseId].sort().map((caseId) => ({
      case_id: caseId,
      role: 'phone-collector',
      assignee_id: users.phone.id,
      sla: '2026-03-09 09:30',
    }));
    expect(calls).toEqual(expected);
  });

  it('03-06 … 03-16 night by night: A gets the letter on 03-13 (7 days after 03-06), B on 03-16; C and D never', async () => {
    const firstLetter: Record<string, string> = {};
    for (const date of dates(6, 16)) {
      if (date === '2026-03-09') {
        api.clock.set(local(date, '10:00'));
        await assign(api, users.sup, ids.B.caseId, users.phone);
      }
      if (date === '2026-03-10') {
        api.clock.set(local(date, '10:00'));
        await pay(api, tenantId, ids.D.accountId, date, '5000.00');
      }
      const summary = await runNight(api, tenantId, date);
      expect(summary.noticeFailures).toEqual([]);
      for (const name of ['A', 'B', 'C', 'D'])
        if (!firstLetter[name] && (await letters(name)).length > 0) firstLetter[name] = date;
    }
    expect(firstLetter).toEqual({ A: '2026-03-13', B: '2026-03-16' });
    for (const name of ['A', 'B']) expect(await letters(name)).toHaveLength(1);
  });

  it('the letter states the debt in figures and capitals: 12,345.67 / 壹万贰仟叁佰肆拾伍元陆角柒分, DPD 40', async () => {
    const [letter] = await noticesOf(api, ids.A.caseId);
    const text = plain(await noticeHtml(api, users.sup.token, letter.id));
    expect(text).toContain('已逾期40天');
    expect(text).toContain('欠款合计人民币12,345.67元（大写：壹万贰仟叁佰肆拾伍元陆角柒分）');
  });

  it('contact rules: the debtor and the guarantor may be called; an emergency contact or other party may not', async () => {
    const policy = api.app.get(PackContactPolicy, { strict: false });
    const ask = (party: string) =>
      policy.check({
        tenantId,
        caseId: ids.A.caseId,
        debtorId: ids.A.debtorId,
        actorId: users.phone.id,
        channel: 'call',
        party,
        at: new Date(local('2026-03-17', '10:00')),
      } as never);
    api.clock.set(local('2026-03-17', '12:00'));
    expect(await ask('debtor')).toEqual({ allowed: true });
    expect(await ask('guarantor')).toEqual({ allowed: true });
    for (const party of ['emergency-contact', 'other'])
      expect(await ask(party)).toEqual({
        allowed: false,
        rule: 'contact.allowed-parties',
        reason: 'the pack allows contacting only: debtor, guarantor',
        params: { parties: 'debtor,guarantor' }, // the figures a console words the refusal from
      });
  });

  it("plans on the client bank's terms: down ≥ 10%, ≤ 36 instalments of ≥ 200.00; A's 12,345.67 as 1,234.57 + 36 × 308.64…", async () => {
    const phone = meta(tenantId, users.phone.id, ['phone-collector']);
    const plan = (downPayment: string, count: number) =>
      api.commands.execute(
        new ProposePlan(phone, {
          caseId: ids.A.caseId,
          arrears: '12345.67',
          downPayment,
          count,
          startOn: '2026-03-17',
          firstDueOn: '2026-04-17',
        }),
      );
    await expect(plan('1234.56', 37)).rejects.toMatchObject({
      status: 400,
      problems: expect.arrayContaining([
        expect.objectContaining({ path: 'downPayment' }),
        expect.objectContaining({ path: 'count' }),
      ]),
    });
    const made = await plan('1234.57', 36);
    // Under the client's 20,000.00 the collector agrees it without the supervisor.
    expect(made).toMatchObject({ total: '12345.67', approvalId: null });
    const rows = await ownerQuery<{ seq: number; amount: string }>(
      api,
      `select seq, amount::text from plan_instalments where plan_id = $1 order by seq`,
      [made.id],
    );
    expect(rows).toHaveLength(37);
    expect(rows[1].amount).toBe('308.64');
    expect(rows[36].amount).toBe('308.70'); // the last takes the remainder: 11,111.10 in all
  });
});
