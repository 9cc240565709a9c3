import type { Page } from 'playwright-core';
import { ownerQuery } from '../collection/support/fixtures';
import {
  ConsoleE2e,
  describeInBrowser,
  E2E_NOW,
  keepScreenshot,
  logIn,
  startConsoleE2e,
} from './support/console-e2e';

/** A Beijing wall time as an ISO instant. */
const local = (date: string, time: string) => `${date}T${time}:00+08:00`;

/**
 * Issue 11 §3 in Chromium, as the collector logs a contact (催记): the contact's own time
 * (a call at 20:40 written up at 21:05), the pack's result code and follow-up date, 篇六's
 * overdue cause, 篇八's recording, every 7-day window, and a promise saved with its contact
 * or not at all. Messages in Chinese at the fields; the database holds what the page says.
 */
describeInBrowser('contact logging as the trade does it (催记)', () => {
  let e2e: ConsoleE2e;
  let page: Page;

  beforeAll(async () => {
    e2e = await startConsoleE2e(['demo-microloan', 'demo-agency'], { size: 40, kpiDays: 1 });
  }, 180_000);
  afterAll(async () => {
    await e2e?.close();
  });
  afterEach(() => e2e.api.clock.set(E2E_NOW));

  /** An open case of the user's whose debtor has no contact yet (so the caps count ours). */
  async function quietCase(username: string) {
    const [row] = await ownerQuery<{ id: string; tenant_id: string; debtor_id: string }>(
      e2e.api,
      `select c.id, c.tenant_id, c.debtor_id from cases c
       where c.assignee_id = $1 and c.status = 'open'
         and not exists (select 1 from contact_attempts x join cases o
                           on o.tenant_id = x.tenant_id and o.id = x.case_id
                         where o.tenant_id = c.tenant_id and o.debtor_id = c.debtor_id)
       order by c.id limit 1`,
      [e2e.users.get(username)!.userId],
    );
    expect(row).toBeDefined();
    return row;
  }
  const contactsOf = (caseId: string) =>
    ownerQuery<{ attempted_at: Date; outcome_code: string; overdue_reason_code: string | null }>(
      e2e.api,
      `select attempted_at, outcome_code, overdue_reason_code from contact_attempts
       where case_id = $1 order by attempted_at`,
      [caseId],
    );

  it('篇六: a call at 20:40 logged at 21:05 needs its overdue cause, then is saved with it and the follow-up', async () => {
    e2e.api.clock.set(local('2026-03-11', '21:05'));
    const c = await quietCase('xd.officer1');
    page = await e2e.newPage();
    await logIn(page, e2e.users.get('xd.officer1')!);
    await page.goto(`/console/cases/${c.id}`);
    const form = page.locator('#contact-form');
    // 联系时间 defaults to now in Beijing; the collector types when the call was made.
    expect(await form.getByLabel('联系时间').inputValue()).toBe('2026-03-11T21:05');
    await form.getByLabel('联系时间').fill('2026-03-11T20:40');
    await form.getByLabel('方式').selectOption('call');
    await form.getByLabel('结果').selectOption('no-answer');
    await form.getByLabel('情况记录').fill('晚间回访未接');
    await form.getByRole('button', { name: '保存联系记录' }).click();
    const cause = page.locator('#contact-overdueReasonCode-error');
    await cause.waitFor();
    expect(await cause.innerText()).toContain('请选择逾期原因');
    expect(await contactsOf(c.id)).toEqual([]);
    await keepScreenshot(page, 'contact-cause-required');

    await page.locator('#contact-form').getByLabel('逾期原因').selectOption('market-change');
    await page.locator('#contact-form').getByRole('button', { name: '保存联系记录' }).click();
    await page.getByText('联系记录已保存。').waitFor();
    expect(await contactsOf(c.id)).toEqual([
      {
        attempted_at: new Date(local('2026-03-11', '20:40')),
        outcome_code: 'no-answer',
        overdue_reason_code: 'market-change',
      },
    ]);
    // 无人接听 follows up the next day: the case's one open call task is due then.
    const tasks = await ownerQuery<{ due_at: Date }>(
      e2e.api,
      `select due_at from tasks where case_id = $1 and kind = 'call' and status = 'open'`,
      [c.id],
    );
    expect(tasks).toEqual([{ due_at: new Date(local('2026-03-12', '09:00')) }]);
    const timeline = page.locator('.timeline');
    await timeline.getByText('电话（债务人本人）：无人接听').first().waitFor();
    await timeline.getByText(/逾期原因：市场变化/).waitFor();
    await timeline.getByText(/下次跟进 2026-03-12/).waitFor();
    await keepScreenshot(page, 'contact-logged-with-cause');
  });

  it('篇八: a back-dated call that makes 8 in a 7-day window is refused with the rule and the next allowed time; its promise is not saved either', async () => {
    const c = await quietCase('cs.phone1');
    // Seven calls already in 5–11 March (the window ending today holds 7, the cap).
    const made = [
      local('2026-03-05', '10:00'),
      local('2026-03-06', '10:00'),
      local('2026-03-07', '10:00'),
      local('2026-03-08', '10:00'),
      local('2026-03-09', '10:00'),
      local('2026-03-11', '08:10'),
      local('2026-03-11', '08:30'),
    ];
    for (const at of made) {
      await ownerQuery(
        e2e.api,
        `insert into contact_attempts (tenant_id, id, case_id, channel, party, outcome_code,
           attempted_at, recorded_by, recorded_at)
         values ($1, gen_random_uuid(), $2, 'call', 'debtor', 'no-answer', $3, 'e2e-setup', $3)`,
        [c.tenant_id, c.id, at],
      );
    }
    page = await e2e.newPage();
    await logIn(page, e2e.users.get('cs.phone1')!);
    await page.goto(`/console/cases/${c.id}`);
    const form = page.locator('#contact-form');
    // Yesterday 19:00: counting only the calls before it (5 in 4–10 March) would let it in.
    await form.getByLabel('联系时间').fill('2026-03-10T19:00');
    await form.getByLabel('方式').selectOption('call');
    await form.getByLabel('结果').selectOption('promised-to-pay');
    await form.getByLabel('情况记录').fill('本人接听，承诺本月20日前还款');
    await form.getByLabel('录音或附件').setInputFiles({
      name: 'call-0310.mp3',
      mimeType: 'audio/mpeg',
      buffer: Buffer.from('ID3 recording'),
    });
    await form.getByLabel('承诺金额（元）').fill('2000.00');
    await form.getByLabel('承诺还款日').fill('2026-03-20');
    await form.getByRole('button', { name: '保存联系记录' }).click();
    const refusal = page.locator('.refusal-box');
    await refusal.waitFor();
    const text = await refusal.innerText();
    expect(text).toContain('联系被规则拒绝');
    expect(text).toContain('7 日联系次数');
    expect(text).toContain('下次可联系时间 2026-03-12 08:00');
    expect(text).not.toMatch(/[a-z]{3,}|contact\./);
    await refusal.scrollIntoViewIfNeeded();
    await keepScreenshot(page, 'contact-refused-7-days');
    const [saved] = await ownerQuery<{ contacts: number; promises: number; status: string }>(
      e2e.api,
      `select (select count(*)::int from contact_attempts where case_id = $1) as contacts,
              (select count(*)::int from promises where case_id = $1) as promises,
              (select status from cases where id = $1) as status`,
      [c.id],
    );
    expect(saved).toEqual({ contacts: 7, promises: 0, status: 'open' });
  });

  it('篇八: a call without its recording is refused at the file field, without 情况记录 at the notes field; with both, the call and its promise are saved together', async () => {
    const c = await quietCase('cs.phone1');
    page = await e2e.newPage();
    await logIn(page, e2e.users.get('cs.phone1')!);
    await page.goto(`/console/cases/${c.id}`);
    let form = page.locator('#contact-form');
    await form.getByLabel('方式').selectOption('call');
    await form.getByLabel('结果').selectOption('promised-to-pay');
    await form.getByLabel('承诺金额（元）').fill('1,500');
    await form.getByLabel('承诺还款日').fill('2026-03-20');
    await form.getByRole('button', { name: '保存联系记录' }).click();
    const fileError = page.locator('#contact-file-error');
    await fileError.waitFor();
    expect(await fileError.innerText()).toContain('此联系方式须上传通话录音');
    expect(await page.locator('#contact-file').getAttribute('aria-invalid')).toBe('true');
    await keepScreenshot(page, 'contact-recording-required');

    form = page.locator('#contact-form');
    // What was typed is still there; the recording is added and the form sent again.
    expect(await form.getByLabel('承诺金额（元）').inputValue()).toBe('1,500');
    await form.getByLabel('录音或附件').setInputFiles({
      name: 'call-0311.mp3',
      mimeType: 'audio/mpeg',
      buffer: Buffer.from('ID3 recording'),
    });
    await form.getByRole('button', { name: '保存联系记录' }).click();
    // The agency's pack requires 情况记录 on every contact (requireNotes): refused at the field.
    const notesError = page.locator('#contact-notes-error');
    await notesError.waitFor();
    expect(await notesError.innerText()).toContain('请填写情况记录');
    form = page.locator('#contact-form');
    await form.getByLabel('情况记录').fill('本人接听，先还一千五');
    await form.getByLabel('录音或附件').setInputFiles({
      name: 'call-0311.mp3',
      mimeType: 'audio/mpeg',
      buffer: Buffer.from('ID3 recording'),
    });
    await form.getByRole('button', { name: '保存联系记录' }).click();
    await page.getByText('联系记录已保存。').waitFor();
    const [row] = await ownerQuery<{ amount: string; due_on: string; status: string }>(
      e2e.api,
      `select p.amount::text, p.due_on::text, c.status from contact_attempts ct
       join promises p on p.tenant_id = ct.tenant_id and p.id = ct.promise_id
       join cases c on c.tenant_id = ct.tenant_id and c.id = ct.case_id
       where ct.case_id = $1 and ct.attachment_id is not null`,
      [c.id],
    );
    expect(row).toEqual({ amount: '1500.00', due_on: '2026-03-20', status: 'promised' });
    await page
      .locator('.timeline')
      .getByText(/call-0311\.mp3/)
      .waitFor();
    await keepScreenshot(page, 'contact-with-promise');
  });
});
