import type { Page } from 'playwright-core';
import {
  ConsoleE2e,
  describeInBrowser,
  keepScreenshot,
  logIn,
  startConsoleE2e,
} from './support/console-e2e';

/** Rows of the worklist table (one per open task due today or overdue). */
const worklistRows = (page: Page) => page.locator('#worklist tbody tr');

describeInBrowser(
  'a collector works a task in the console (篇八: start from the day’s prompts)',
  () => {
    let e2e: ConsoleE2e;
    let page: Page;

    beforeAll(async () => {
      e2e = await startConsoleE2e(['demo-school'], { size: 300, kpiDays: 1 }); // defaults under 5%: 100 leave a teacher none
      page = await e2e.newPage();
    }, 90_000);
    afterAll(async () => {
      await e2e?.close();
    });

    it('logs in per tenant in Chinese and lands on today’s worklist', async () => {
      await page.goto('/console/login');
      await keepScreenshot(page, 'login');
      await logIn(page, e2e.users.get('xx.duan')!);
      expect(new URL(page.url()).pathname).toBe('/console/work');
      await page.getByRole('heading', { name: '今日工作清单' }).waitFor();
      expect(await worklistRows(page).count()).toBeGreaterThan(0);
      await keepScreenshot(page, 'worklist');
    });

    it('logs a call with its recording and a promise on the case; both appear on the timeline', async () => {
      const before = await worklistRows(page).count();
      const first = worklistRows(page).first();
      const debtor = (await first.locator('td').nth(1).innerText()).trim();
      await first.getByRole('link', { name: '打开案件' }).click();
      await page.getByRole('heading', { name: debtor }).first().waitFor();
      expect(before).toBeGreaterThan(0);

      const contact = page.locator('#contact-form');
      await contact.getByLabel('方式').selectOption('call');
      await contact.getByLabel('联系对象').selectOption('debtor');
      await contact.getByLabel('结果').selectOption('promised-to-pay');
      await contact.getByLabel('情况记录').fill('学生家长同意本月20日前还款');
      await contact.getByLabel('录音或附件').setInputFiles({
        name: 'call-20260311.mp3',
        mimeType: 'audio/mpeg',
        buffer: Buffer.from('ID3 fake recording bytes'),
      });
      await contact.getByRole('button', { name: '保存联系记录' }).click();
      await page.getByText('联系记录已保存。').waitFor();
      const timeline = page.locator('.timeline');
      await timeline.getByText('电话（债务人本人）：承诺还款').first().waitFor();
      await timeline.getByText(/call-20260311\.mp3/).waitFor();

      const promise = page.locator('#promise-form');
      await promise.getByLabel('承诺金额（元）').fill('1500.00');
      await promise.getByLabel('承诺还款日').fill('2026-03-20');
      await promise.getByRole('button', { name: '保存承诺' }).click();
      await page.getByText('还款承诺已记录。').waitFor();
      await timeline.getByText('承诺还款 ¥1,500.00，2026-03-20 前（待履行）').waitFor();
      await keepScreenshot(page, 'case');
    });

    it('shows a bad amount next to its field, linked for screen readers, and saves nothing', async () => {
      const promise = page.locator('#promise-form');
      await promise.getByLabel('承诺金额（元）').fill('12.345');
      await promise.getByLabel('承诺还款日').fill('2026-03-20');
      await promise.getByRole('button', { name: '保存承诺' }).click();
      const amount = page.locator('#promise-amount');
      await page.locator('#promise-amount-error').waitFor();
      expect(await amount.getAttribute('aria-invalid')).toBe('true');
      expect(await amount.getAttribute('aria-describedby')).toContain('promise-amount-error');
      expect(
        await page
          .locator('.timeline')
          .getByText(/¥12\.35|12\.345/)
          .count(),
      ).toBe(0);
    });

    it('a call at 22:30 is refused by the pack’s contact hours, naming the rule and when it is next allowed', async () => {
      e2e.api.clock.set('2026-03-11T14:30:00Z'); // 22:30 in Beijing
      try {
        const contact = page.locator('#contact-form');
        // The form's 联系时间 is when the page was drawn; the call is made now, at 22:30.
        await contact.getByLabel('联系时间').fill('2026-03-11T22:30');
        await contact.getByLabel('结果').selectOption('no-answer');
        await contact.getByLabel('情况记录').fill('晚间回访');
        await contact.getByLabel('录音或附件').setInputFiles({
          name: 'late.mp3',
          mimeType: 'audio/mpeg',
          buffer: Buffer.from('late'),
        });
        await contact.getByRole('button', { name: '保存联系记录' }).click();
        const refusal = page.locator('.refusal-box');
        await refusal.waitFor();
        const text = await refusal.innerText();
        expect(text).toContain('联系被规则拒绝');
        expect(text).toContain('联系时段');
        expect(text).not.toMatch(/contact\./);
        expect(text).toContain('下次可联系时间 2026-03-12 08:00');
      } finally {
        e2e.api.clock.set('2026-03-11T02:00:00Z');
      }
    });

    it('completing the task with its outcome takes it off the worklist', async () => {
      await page.goto('/console/work');
      const before = await worklistRows(page).count();
      const summary = await page.locator('#worklist-summary').innerText();
      // 完成 opens the task's outcome form in its row (issue 11 §4): what its kind needs.
      const first = worklistRows(page).first();
      await first.getByRole('link', { name: '完成任务' }).click();
      const form = first.locator('form.task-outcome');
      await form.waitFor();
      const contacts = form.locator('input[name="contactId"]');
      if ((await contacts.count()) > 0) await contacts.first().check();
      if ((await form.locator('select[name="result"]').count()) > 0) {
        await form.getByLabel('外访结果').selectOption('met-family');
        await form.getByLabel('外访地址').fill('学生家中');
      }
      await form.getByLabel('情况记录').fill('已联系学生家长，同意本月20日前还款');
      await form.getByRole('button', { name: '确认完成' }).click();
      await page.getByText('任务已完成。').waitFor();
      expect(await worklistRows(page).count()).toBe(before - 1);
      expect(await page.locator('#worklist-summary').innerText()).not.toBe(summary);
      await page.reload();
      expect(await worklistRows(page).count()).toBe(before - 1);
    });

    it('on a phone (390×844) the worklist fits the screen as cards, with no sideways scrolling', async () => {
      const phone = await e2e.newPage({ width: 390, height: 844 });
      await phone.goto('/console/login');
      await logIn(phone, e2e.users.get('xx.sun')!);
      await phone.getByRole('heading', { name: '今日工作清单' }).waitFor();
      const width = await phone
        .locator('html')
        .evaluate((html) => (html as unknown as { scrollWidth: number }).scrollWidth);
      expect(width).toBeLessThanOrEqual(390);
      // Each row is a card: its cells stack with their column name as a label.
      const cell = worklistRows(phone).first().locator('td').first();
      expect(await cell.getAttribute('data-label')).toBeTruthy();
      await keepScreenshot(phone, 'worklist-phone');
    });
  },
);
