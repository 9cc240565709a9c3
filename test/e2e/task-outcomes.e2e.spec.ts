import type { Page } from 'playwright-core';
import { ownerQuery } from '../collection/support/fixtures';
import { login } from '../support/test-app';
import {
  ConsoleE2e,
  describeInBrowser,
  keepScreenshot,
  logIn,
  startConsoleE2e,
} from './support/console-e2e';

/**
 * Issue 11 §4 and §7 as the office does it: a task ends with what was done (a call task
 * with the contact it made), and a co-op drive's 摸底 item is on the collector's worklist
 * and is completed with the debtor's situation, which moves the drive's progress.
 */
describeInBrowser('tasks end with an outcome; drive items are worked from the worklist', () => {
  let e2e: ConsoleE2e;
  let page: Page;

  beforeAll(async () => {
    e2e = await startConsoleE2e(['demo-microloan', 'demo-coop'], { size: 60, kpiDays: 1 });
  }, 180_000);
  afterAll(async () => {
    await e2e?.close();
  });

  /** The open task ids on the worklist page, in order. */
  const worklistTaskIds = async () => {
    const rows = page.locator('#worklist tbody tr');
    const ids: string[] = [];
    for (let i = 0; i < (await rows.count()); i += 1) {
      ids.push((await rows.nth(i).getAttribute('data-task')) as string);
    }
    return ids;
  };

  it('a microloan 信贷员 cannot complete a call task without its contact; with the contact just logged it is done and linked', async () => {
    page = await e2e.newPage();
    await logIn(page, e2e.users.get('xd.officer1')!);
    await page.goto('/console/work');
    const [call] = await ownerQuery<{ id: string; case_id: string }>(
      e2e.api,
      `select id, case_id from tasks where id = any($1::uuid[]) and kind = 'call' and status = 'open'
       order by id limit 1`,
      [await worklistTaskIds()],
    );
    expect(call).toBeDefined();
    const row = page.locator(`#worklist tr[data-task="${call.id}"]`);
    await row.getByRole('link', { name: '完成任务' }).click();
    const form = page.locator(`#outcome-${call.id}`);
    await form.waitFor();
    await form.getByRole('button', { name: '确认完成' }).click();
    await form.locator('.field-error').getByText('请选择本次联系记录').waitFor();
    await keepScreenshot(page, 'task-outcome-refused');
    const [still] = await ownerQuery<{ status: string }>(
      e2e.api,
      `select status from tasks where id = $1`,
      [call.id],
    );
    expect(still.status).toBe('open');

    // The call is logged (the contact form is another page's work: here through the API
    // as the same collector), then the task is completed on the case page, linked to it.
    const token = await login(e2e.api, 'demo-microloan', 'xd.officer1');
    const logged = (
      await e2e.api
        .http()
        .post(`/api/v1/cases/${call.case_id}/contacts`)
        .set('Authorization', `Bearer ${token}`)
        .send({
          channel: 'call',
          party: 'debtor',
          outcomeCode: 'promised-to-pay',
          overdueReasonCode: 'business-cash-flow',
          notes: '借款人货款未收回，同意本周五前还款',
        })
    ).body as { id: string };
    expect(logged.id).toBeDefined();
    await page.goto(`/console/cases/${call.case_id}`);
    await page
      .locator(`a[href="/console/work/tasks/${call.id}/complete?back=case"]`)
      .first()
      .click();
    const onCase = page.locator(`#outcome-${call.id}`);
    await onCase.waitFor();
    await onCase.locator(`input[name="contactId"][value="${logged.id}"]`).check();
    await onCase.getByLabel('情况记录').fill('已电话联系，承诺周五还款');
    await keepScreenshot(page, 'task-outcome-form');
    await onCase.getByRole('button', { name: '确认完成' }).click();
    await page.getByText('任务已完成。').waitFor();
    // The timeline says what was done: the kind, the link to the contact, the note.
    await page
      .locator('.timeline')
      .getByText('电话催收 · 已关联本次联系记录 · 已电话联系，承诺周五还款')
      .first()
      .waitFor();
    const [done] = await ownerQuery<{
      status: string;
      outcome_ref: Record<string, string>;
      outcome_note: string;
    }>(e2e.api, `select status, outcome_ref, outcome_note from tasks where id = $1`, [call.id]);
    expect(done).toEqual({
      status: 'done',
      outcome_ref: { contactId: logged.id },
      outcome_note: '已电话联系，承诺周五还款',
    });
    const [event] = await ownerQuery<{ payload: Record<string, unknown> }>(
      e2e.api,
      `select payload from event_log where type = 'TaskCompleted' and payload->>'taskId' = $1`,
      [call.id],
    );
    expect(event.payload).toMatchObject({ deliverable: 'contact', ref: { contactId: logged.id } });
  });

  it('a co-op 信贷员 sees the 摸底 items on the worklist, completes one with the debtor’s situation, and the survey’s progress moves by 1', async () => {
    page = await e2e.newPage();
    await logIn(page, e2e.users.get('xys.jia')!);
    await page.goto('/console/work');
    const section = page.locator('#drive-items');
    await section.getByRole('heading', { name: '清收活动事项' }).waitFor();
    const first = section.locator('tbody tr').filter({ hasText: '摸底阶段' }).first();
    await first.getByText('调查摸底、填写不良贷款统计表').waitFor();
    const itemId = (await first.getAttribute('data-drive-item')) as string;
    const progress = async () =>
      (
        await ownerQuery<{ done: number; total: number }>(
          e2e.api,
          `select sum(done_quantity)::int as done, sum(quantity)::int as total from drive_items
           where phase_key = 'survey' and kind = 'case-task'`,
        )
      )[0];
    const before = await progress();
    await keepScreenshot(page, 'drive-items-worklist');

    await first.getByRole('link', { name: '完成任务' }).click();
    const form = page.locator(`#drive-item-${itemId}`);
    await form.waitFor();
    await form.getByRole('button', { name: '确认完成' }).click();
    await form.locator('.field-error').getByText('请选择结果').waitFor();
    expect(await progress()).toEqual(before);

    await form.getByLabel('结果').selectOption('working-away');
    await form.getByLabel('情况记录').fill('本人在外地务工，家属称年底回乡还款');
    await form.getByRole('button', { name: '确认完成' }).click();
    await page.getByText('清收活动事项已完成。').waitFor();
    expect(await progress()).toEqual({ done: before.done + 1, total: before.total });
    const [item] = await ownerQuery<{ status: string; outcome: unknown; note: string }>(
      e2e.api,
      `select status, outcome, note from drive_items where id = $1`,
      [itemId],
    );
    expect(item).toEqual({
      status: 'done',
      outcome: { result: 'working-away' },
      note: '本人在外地务工，家属称年底回乡还款',
    });
    expect(await page.locator(`tr[data-drive-item="${itemId}"]`).count()).toBe(0);
  });

  it('on a phone (390×844) the drive item form opens in its card without sideways scrolling', async () => {
    const phone = await e2e.newPage({ width: 390, height: 844 });
    await logIn(phone, e2e.users.get('xys.gao')!);
    await phone.goto('/console/work');
    const row = phone.locator('#drive-items tbody tr').first();
    await row.getByRole('link', { name: '完成任务' }).click();
    await row.locator('form.task-outcome').waitFor();
    const width = await phone
      .locator('html')
      .evaluate((html) => (html as unknown as { scrollWidth: number }).scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await row.locator('form.task-outcome').scrollIntoViewIfNeeded();
    await keepScreenshot(phone, 'drive-item-form-phone');
  });
});
