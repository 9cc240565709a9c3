import type { Page } from 'playwright-core';
import { connect } from '../support/test-db';
import { ConsoleE2e, describeInBrowser, logIn, startConsoleE2e } from './support/console-e2e';
import { leaksIn } from './support/zh-leaks';

// page.evaluate runs in the browser; the test's TypeScript has no DOM library.
declare const document: { body: { getAttribute(name: string): string | null } };

interface Answer {
  readonly status: number;
  readonly type: string;
  readonly html: string;
}

/** Posts a form as htmx does (CSRF header, urlencoded fields) and reads the answer. */
async function post(page: Page, path: string, fields: Record<string, string>): Promise<Answer> {
  return page.evaluate(
    async ({ path, fields }) => {
      const token = JSON.parse(document.body.getAttribute('hx-headers') ?? '{}')['X-CSRF-Token'];
      const r = await fetch(path, {
        method: 'POST',
        headers: { 'X-CSRF-Token': token, 'HX-Request': 'true' },
        body: new URLSearchParams(fields),
      });
      return { status: r.status, type: r.headers.get('content-type') ?? '', html: await r.text() };
    },
    { path, fields },
  );
}

/** The words a person reads in an HTML answer (tags, attributes and scripts dropped). */
const visibleText = (html: string) =>
  html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[a-z#0-9]+;/g, ' ');

/** A form answered with itself: HTML (never problem+json), 422, the message, no English. */
function expectFormAgain(answer: Answer, message: string | RegExp) {
  expect(answer.type).toMatch(/text\/html/);
  expect(answer.status).toBe(422);
  expect(visibleText(answer.html)).toMatch(message);
  expect(leaksIn(visibleText(answer.html))).toEqual([]);
}

describeInBrowser(
  'bad input in a console form re-renders it in Chinese and saves nothing (议题 11)',
  () => {
    let e2e: ConsoleE2e;
    let owner: Awaited<ReturnType<typeof connect>>;
    let caseId: string;

    beforeAll(async () => {
      e2e = await startConsoleE2e(['demo-microloan'], 20);
      owner = await connect(e2e.api.db.ownerUrl);
      const { rows } = await owner.query<{ id: string }>(
        `select id from cases where assignee_id = $1 order by id limit 1`,
        [e2e.users.get('xd.officer1')!.userId],
      );
      caseId = rows[0].id;
    }, 120_000);
    afterAll(async () => {
      await owner?.end();
      await e2e?.close();
    });

    const promises = async () =>
      (
        await owner.query<{ n: number }>(
          `select count(*)::int as n from promises where case_id = $1`,
          [caseId],
        )
      ).rows[0].n;

    it('a promise with a badly written amount and date: both named at their field, none saved', async () => {
      const page = await e2e.newPage();
      await logIn(page, e2e.users.get('xd.officer1')!);
      await page.goto(`/console/cases/${caseId}`);
      const before = await promises();
      const answer = await post(page, `/console/cases/${caseId}/promises`, {
        amount: '1,0,00',
        dueOn: '2026-3-20',
      });
      expectFormAgain(answer, /请输入金额（元），如 1,000\.00/);
      expect(visibleText(answer.html)).toContain('请输入日期');
      expect(await promises()).toBe(before);
    });

    it('a promise due before it was made: the handler’s refusal, in Chinese, names the other date', async () => {
      const page = await e2e.newPage();
      await logIn(page, e2e.users.get('xd.officer1')!);
      await page.goto(`/console/cases/${caseId}`);
      const before = await promises();
      const answer = await post(page, `/console/cases/${caseId}/promises`, {
        amount: '500.00',
        promisedOn: '2026-03-11',
        dueOn: '2026-03-01',
      });
      expectFormAgain(answer, '不能早于承诺日期');
      expect(await promises()).toBe(before);
    });

    it('"1,000.50" as people write it is accepted and stored as 1000.50', async () => {
      const page = await e2e.newPage();
      await logIn(page, e2e.users.get('xd.officer1')!);
      await page.goto(`/console/cases/${caseId}`);
      const answer = await post(page, `/console/cases/${caseId}/promises`, {
        amount: '1,000.50',
        dueOn: '2026-03-20',
      });
      expect(answer.status).toBeLessThan(300);
      const { rows } = await owner.query<{ amount: string }>(
        `select amount::text as amount from promises where case_id = $1 order by recorded_at desc limit 1`,
        [caseId],
      );
      expect(rows[0].amount).toBe('1000.50');
    });

    it('a report for a date that is not one: the form again, in Chinese', async () => {
      const page = await e2e.newPage();
      await logIn(page, e2e.users.get('xd.manager')!);
      await page.goto('/console/reports');
      const action = await page.locator('form.report-form').first().getAttribute('action');
      const answer = await post(page, action!, { asOf: '31/12/2026', format: 'xlsx' });
      expectFormAgain(answer, '请输入日期');
    });

    it('a user without a name: the admin’s form again, in Chinese, and no user made', async () => {
      const page = await e2e.newPage();
      await logIn(page, e2e.users.get('xd.admin')!);
      await page.goto('/console/admin/users');
      const users = async () =>
        (await owner.query<{ n: number }>(`select count(*)::int as n from users`)).rows[0].n;
      const before = await users();
      const answer = await post(page, '/console/admin/users', {
        username: '',
        displayName: '新同事',
        password: 'x',
        roles: 'phone-collector',
      });
      expectFormAgain(answer, /请填写此项|至少/);
      expect(await users()).toBe(before);
    });

    it('a field with a control character, refused before any route, is a Chinese page too', async () => {
      const page = await e2e.newPage();
      await logIn(page, e2e.users.get('xd.officer1')!);
      await page.goto(`/console/cases/${caseId}`);
      const before = await promises();
      const answer = await post(page, `/console/cases/${caseId}/promises`, {
        amount: '100.00',
        dueOn: '2026-03-20',
        voucherRef: 'A\u0007B',
      });
      expect(answer.type).toMatch(/text\/html/);
      expect(answer.status).toBe(400);
      expect(visibleText(answer.html)).toContain('提交的内容含有不允许的字符');
      expect(leaksIn(visibleText(answer.html))).toEqual([]);
      expect(await promises()).toBe(before);
    });

    it('a console address nobody serves is the Chinese 404 page, not problem+json', async () => {
      const page = await e2e.newPage();
      await logIn(page, e2e.users.get('xd.officer1')!);
      const response = await page.goto('/console/no-such-page');
      expect(response?.status()).toBe(404);
      expect(response?.headers()['content-type']).toMatch(/text\/html/);
      await page.getByRole('heading', { name: '未找到' }).waitFor();
    });
  },
);
