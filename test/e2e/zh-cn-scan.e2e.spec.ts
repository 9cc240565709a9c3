import type { Page } from 'playwright-core';
import { DEMO_TENANTS } from '../../apps/cli/src/demo/demo-tenants';
import { connect } from '../support/test-db';
import { ConsoleE2e, describeInBrowser, logIn, startConsoleE2e } from './support/console-e2e';
import { leaksIn } from './support/zh-leaks';

// page.evaluate runs in the browser; the test's TypeScript has no DOM library.
declare const document: {
  body: { innerText: string };
  querySelectorAll(selector: string): ArrayLike<{ getAttribute(name: string): string | null }>;
};

/** Each tenant's users, one per distinct set of roles (two phone collectors read alike). */
function rolesOf(slug: string) {
  const tenant = DEMO_TENANTS.find((t) => t.slug === slug)!;
  const seen = new Set<string>();
  return tenant.users.filter((user) => {
    const key = [...user.roles].sort().join('+');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const SLUGS = DEMO_TENANTS.map((t) => t.slug);

describe('the zh-CN scanner', () => {
  it('finds what it must (English, codes, ISO times, keys) and passes Chinese', () => {
    expect(
      leaksIn('规则 contact.allowed-hours：contact is allowed from 08:00').map((l) => l.token),
    ).toEqual(expect.arrayContaining(['contact.allowed-hours', 'contact', 'allowed', 'from']));
    expect(leaksIn('FlagSet student-loan@1.0.0 2026-03-11T02:00:00Z promisedOn')).toHaveLength(5);
    expect(leaksIn('work.title')[0]).toEqual({ rule: 'untranslated', token: 'work.title' });
    expect(leaksIn('用户名 zl.admin')).toEqual([]);
    expect(leaksIn('今日工作清单 ¥1,000.00 导出 XLSX / PDF 2026-03-11 10:00 English')).toEqual([]);
  });
});

describeInBrowser(
  'zh-CN scan: every role’s pages in every demo tenant are Chinese (议题 11 §8)',
  () => {
    let e2e: ConsoleE2e;

    beforeAll(async () => {
      // 21:30 in Beijing: past contact hours, so every call task shows its rule's refusal.
      e2e = await startConsoleE2e(SLUGS, { size: 12, now: '2026-03-11T13:30:00Z' });
    }, 300_000);
    afterAll(async () => {
      await e2e?.close();
    });

    it('shows no English word, code, ISO time or message key to any role', async () => {
      const owner = await connect(e2e.api.db.ownerUrl);
      const found: string[] = [];
      let refusals = 0;
      const scan = async (page: Page, where: string) => {
        const text = await page.evaluate(() => document.body.innerText);
        for (const leak of leaksIn(text)) found.push(`${where}: ${leak.rule} «${leak.token}»`);
        if (text.includes('联系时段：只能在 08:00 至 21:00 之间联系')) refusals += 1;
      };
      try {
        for (const slug of SLUGS) {
          for (const user of rolesOf(slug)) {
            const login = e2e.users.get(user.username)!;
            const page = await e2e.newPage();
            await logIn(page, login);
            const who = `${slug} ${user.roles.join('+')}`;
            const links = await page.evaluate(() =>
              Array.from(document.querySelectorAll('header nav a')).map((a) =>
                a.getAttribute('href'),
              ),
            );
            // A case the role may open (a collector's own), and one letter of the tenant.
            const { rows: cases } = await owner.query<{ id: string }>(
              `select c.id from cases c join tenants t on t.id = c.tenant_id
             where t.slug = $1 and ($2::uuid is null or c.assignee_id = $2) order by c.id limit 1`,
              [slug, user.roles.some((r) => r.endsWith('collector')) ? login.userId : null],
            );
            const { rows: notices } = await owner.query<{ id: string }>(
              `select n.id from notices n join tenants t on t.id = n.tenant_id
             where t.slug = $1 order by n.id limit 1`,
              [slug],
            );
            const pages = [
              ...links.filter((href): href is string => !!href),
              ...cases.map((c) => `/console/cases/${c.id}`),
              ...(links.includes('/console/notices')
                ? notices.map((n) => `/console/notices/${n.id}`)
                : []),
              '/console/no-such-page',
            ];
            for (const path of pages) {
              await page.goto(path);
              await scan(page, `${who} ${path}`);
            }
            await page.context().close();
          }
        }
      } finally {
        await owner.end();
      }
      expect(found).toEqual([]);
      // The scan saw the rule refusals it was run at 21:30 for, worded in Chinese.
      expect(refusals).toBeGreaterThan(0);
    }, 600_000);
  },
);
