import { DEMO_TENANTS } from '../../apps/cli/src/demo/demo-tenants';
import { ConsoleE2e, describeInBrowser, logIn, startConsoleE2e } from './support/console-e2e';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
/** Links that leave the page's own work: the language switch (a redirect back) and downloads. */
const SKIP = [/^\/console\/lang\//, /\/file$/, /\/pdf$/, /\/documents\//, /\/download/];

/**
 * Issue 11 §5 "no link leads to a 403 or 404": every user of every demo tenant (one per role
 * the seed work plans name) logs in; every link of the main navigation and of the home page,
 * and each kind of link on the pages they open, answers 200 with a page that is neither a
 * redirect (to the login page) nor an error page.
 */
describeInBrowser('issue 11 §5: no link of any role leads to a 403 or 404', () => {
  let e2e: ConsoleE2e;
  const slugs = DEMO_TENANTS.map((t) => t.slug);

  beforeAll(async () => {
    e2e = await startConsoleE2e(slugs, 12);
  }, 600_000);
  afterAll(async () => {
    await e2e?.close();
  });

  it('every nav and home-page link of every demo user, and each kind of link on those pages, answers 200', async () => {
    const page = await e2e.newPage();
    const dead: string[] = [];
    const checked = new Map<string, number>();
    for (const tenant of DEMO_TENANTS) {
      for (const user of tenant.users) {
        const login = e2e.users.get(user.username)!;
        await page.context().clearCookies();
        await logIn(page, login);
        const home = new URL(page.url()).pathname;
        // A string expression: the test tsconfig has no DOM lib.
        const hrefs = await page.evaluate<string[]>(
          `Array.from(document.querySelectorAll('nav[aria-label="主导航"] a[href^="/"], main a[href^="/"]')).map((a) => a.getAttribute('href') || '')`,
        );
        // The home page and nav links, then the links on those pages (one step further, e.g. a
        // case page's crumb): each kind of link once (ids replaced), so a worklist of 100
        // cases costs one request.
        const seen = new Set<string>();
        let level = [home, ...hrefs];
        for (let depth = 0; depth < 2 && level.length; depth++) {
          const next: string[] = [];
          for (const href of level) {
            if (!href || SKIP.some((skip) => skip.test(href))) continue;
            const kind = href.replace(UUID, ':id').replace(/\?.*$/, '');
            if (seen.has(kind)) continue;
            seen.add(kind);
            const response = await page.request.get(href, { maxRedirects: 0 });
            const status = response.status();
            const body = status === 200 ? await response.text() : '';
            if (status !== 200 || /class="error-page"/.test(body)) {
              dead.push(`${user.username} (${user.roles.join(',')}) ${href} → ${status}`);
            }
            checked.set(user.username, (checked.get(user.username) ?? 0) + 1);
            const main = body.slice(body.indexOf('<main'));
            for (const match of main.matchAll(/<a [^>]*href="(\/console\/[^"#]*)"/g)) {
              next.push(match[1].replace(/&amp;/g, '&'));
            }
          }
          level = next;
        }
      }
    }
    expect(dead).toEqual([]);
    // Every user reached at least their home page and one more link (the rooms exist).
    for (const tenant of DEMO_TENANTS) {
      for (const user of tenant.users) {
        expect({ user: user.username, links: (checked.get(user.username) ?? 0) > 1 }).toEqual({
          user: user.username,
          links: true,
        });
      }
    }
  }, 600_000);
});
