import type { Page } from 'playwright-core';
import { connect } from '../support/test-db';
import {
  ConsoleE2e,
  describeInBrowser,
  keepScreenshot,
  logIn,
  startConsoleE2e,
} from './support/console-e2e';

// page.evaluate runs in the browser; the test's TypeScript has no DOM library.
declare const document: {
  documentElement: { scrollWidth: number; clientWidth: number };
  querySelector(
    selector: string,
  ): { getBoundingClientRect(): { top: number; height: number } } | null;
  querySelectorAll(selector: string): ArrayLike<{ getBoundingClientRect(): { height: number } }>;
};

const PHONE = { width: 390, height: 844 };

/** How far the page scrolls sideways (0: it fits the phone's width). */
const sideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describeInBrowser('the microloan collector works on a phone, 390×844 (议题 11 §9)', () => {
  let e2e: ConsoleE2e;
  let page: Page;
  let caseId: string;

  beforeAll(async () => {
    e2e = await startConsoleE2e(['demo-microloan'], { size: 30, kpiDays: 1 });
    page = await e2e.newPage(PHONE);
    await logIn(page, e2e.users.get('xd.officer1')!);
    const owner = await connect(e2e.api.db.ownerUrl);
    const { rows } = await owner.query<{ id: string }>(
      `select id from cases where assignee_id = $1 order by id limit 1`,
      [e2e.users.get('xd.officer1')!.userId],
    );
    await owner.end();
    caseId = rows[0].id;
  }, 120_000);
  afterAll(async () => {
    await e2e?.close();
  });

  it('the worklist fits the width; a badge stays one line high', async () => {
    await page.goto('/console/work');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    // A badge is a pill of one line (~22 px), not an oval stretched by its card row.
    const tallest = await page.evaluate(() =>
      Math.max(
        0,
        ...Array.from(document.querySelectorAll('.badge')).map(
          (b) => b.getBoundingClientRect().height,
        ),
      ),
    );
    expect(tallest).toBeLessThan(40);
    await keepScreenshot(page, 'phone-worklist');
  });

  it('the worklist filters by task kind and by days past due, and pages by 20 on a phone', async () => {
    await page.goto('/console/work');
    const rows = page.locator('#worklist tbody tr');
    const all = await rows.count();
    expect(all).toBeGreaterThan(0);
    await page.getByLabel('任务类型').selectOption('call');
    await Promise.all([
      page.waitForURL(/kind=call/),
      page.getByRole('button', { name: '筛选', exact: true }).click(),
    ]);
    const kinds = await page.locator('#worklist tbody td[data-label="任务"]').allInnerTexts();
    expect(kinds.length).toBeGreaterThan(0);
    expect(kinds.every((k) => k.startsWith('电话催收'))).toBe(true);
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await keepScreenshot(page, 'phone-worklist-filtered');
    // No case of this book is 100,000 days past due: nothing left, said in Chinese.
    await page.goto('/console/work?minDpd=99999');
    await page.getByText('今天没有待办任务。').waitFor();
    // A mobile browser is given 20 rows a page, the next page keeps the filter.
    const mobile = await e2e.browser.newContext({
      viewport: PHONE,
      locale: 'zh-CN',
      baseURL: e2e.baseUrl,
      userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148',
    });
    const phone = await mobile.newPage();
    await logIn(phone, e2e.users.get('xd.officer1')!);
    await phone.goto('/console/work?kind=call');
    expect(await phone.locator('#worklist tbody tr').count()).toBeLessThanOrEqual(20);
    const next = phone.getByRole('link', { name: '下一页' });
    if (await next.count()) expect(await next.getAttribute('href')).toContain('kind=call');
    await mobile.close();
  });

  it('the case page fits the width and shows facts and history before the forms', async () => {
    await page.goto(`/console/cases/${caseId}`);
    await page.locator('#contact-form').waitFor();
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    const top = (selector: string) =>
      page.evaluate((s) => document.querySelector(s)?.getBoundingClientRect().top ?? -1, selector);
    const facts = await top('.facts');
    const history = await top('.timeline');
    const forms = await top('.case-forms');
    expect(facts).toBeGreaterThanOrEqual(0);
    expect(history).toBeGreaterThan(facts);
    expect(forms).toBeGreaterThan(history);
    await keepScreenshot(page, 'phone-case');
  });

  it('the contact form fits the width when the collector reaches it', async () => {
    await page.locator('#contact-form').scrollIntoViewIfNeeded();
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    const form = await page.locator('#contact-form').boundingBox();
    expect(form!.width).toBeLessThanOrEqual(PHONE.width);
    await keepScreenshot(page, 'phone-contact-form');
  });
});
