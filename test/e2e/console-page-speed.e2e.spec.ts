import { DEMO_TENANTS } from '../../apps/cli/src/demo/demo-tenants';
import { connect } from '../support/test-db';
import { ConsoleE2e, DemoLogin, startConsoleE2e } from './support/console-e2e';

/**
 * Issue 7: no page over 1 s on the demo data. Seeds the six demo tenants at their full
 * `npm start` size (about a minute and a half), so it runs only when asked:
 * CONSOLE_SPEED=1 npx jest --selectProjects integration --testPathPatterns console-page-speed
 */
const describeWhenAsked = process.env.CONSOLE_SPEED === '1' ? describe : describe.skip;
const LIMIT_MS = 1000;
const ROUNDS = 5;

describeWhenAsked('console pages on the full demo answer within 1 s (server time)', () => {
  let e2e: ConsoleE2e;

  beforeAll(async () => {
    e2e = await startConsoleE2e(
      DEMO_TENANTS.map((t) => t.slug),
      { size: 'full' },
    );
  }, 600_000);
  afterAll(async () => {
    await e2e?.close();
  });

  async function session(login: DemoLogin): Promise<string> {
    const page = await fetch(`${e2e.baseUrl}/console/login`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1];
    const jar = (page.headers.get('set-cookie') ?? '').split(';')[0];
    const res = await fetch(`${e2e.baseUrl}/console/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: jar, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        _csrf: csrf,
        tenant: login.tenant,
        username: login.username,
        password: login.password,
      }),
    });
    const token = /qs_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0];
    return `${jar}; ${token}`;
  }

  async function worst(path: string, cookie: string): Promise<number> {
    let max = 0;
    for (let i = 0; i < ROUNDS; i++) {
      const started = performance.now();
      const res = await fetch(`${e2e.baseUrl}${path}`, { headers: { cookie } });
      await res.text();
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      max = Math.max(max, performance.now() - started);
    }
    return max;
  }

  it('worklist, case page and supervisor desk of every demo tenant', async () => {
    const owner = await connect(e2e.api.db.ownerUrl);
    const rows: string[] = [];
    for (const tenant of DEMO_TENANTS) {
      for (const user of tenant.users) {
        const roles: string[] = user.roles;
        const collector = roles.includes('phone-collector') || roles.includes('field-collector');
        if (!collector && !roles.includes('supervisor')) continue;
        const login = e2e.users.get(user.username)!;
        const cookie = await session(login);
        const pages: string[] = [];
        if (collector) {
          const { rows: cases } = await owner.query<{ id: string }>(
            `select c.id from cases c where c.assignee_id = $1
             order by (select count(*) from tasks t where t.case_id = c.id) desc limit 1`,
            [login.userId],
          );
          pages.push('/console/work');
          if (cases[0]) pages.push(`/console/cases/${cases[0].id}`);
        }
        if (roles.includes('supervisor')) pages.push('/console/supervisor');
        for (const path of pages) {
          const ms = await worst(path, cookie);
          rows.push(
            `${tenant.slug.padEnd(18)} ${user.username.padEnd(14)} ${path.replace(/[0-9a-f-]{36}/, ':id').padEnd(20)} ${ms.toFixed(0).padStart(5)} ms`,
          );
          expect({ path, user: user.username, under: ms < LIMIT_MS }).toEqual({
            path,
            user: user.username,
            under: true,
          });
        }
      }
    }
    await owner.end();
    console.log(`worst of ${ROUNDS} requests per page:\n${rows.join('\n')}`);
  }, 300_000);
});
