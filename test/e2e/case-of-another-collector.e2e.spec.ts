import { connect } from '../support/test-db';

// page.evaluate runs in the browser; the test's TypeScript has no DOM library.
declare const document: { body: { getAttribute(name: string): string | null } };
import { ConsoleE2e, describeInBrowser, logIn, startConsoleE2e } from './support/console-e2e';

describeInBrowser('a collector sees only the cases assigned to them (篇八), also by URL', () => {
  let e2e: ConsoleE2e;

  beforeAll(async () => {
    // 300 accounts: the school's book holds defaults under 5%, so 100 leave a teacher none.
    e2e = await startConsoleE2e(['demo-school'], { size: 300, kpiDays: 1 });
  }, 90_000);
  afterAll(async () => {
    await e2e?.close();
  });

  it('opening another collector’s case URL gives the 404 page, and posting to it changes nothing', async () => {
    const phone1 = e2e.users.get('xx.duan')!;
    const phone2 = e2e.users.get('xx.sun')!;
    const owner = await connect(e2e.api.db.ownerUrl);
    const { rows } = await owner.query<{ id: string; name: string }>(
      `select c.id, d.name from cases c
       join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
       where c.assignee_id = $1 order by c.id limit 1`,
      [phone2.userId],
    );
    const theirs = rows[0];
    expect(theirs).toBeDefined();

    const promisesOf = async (caseId: string) =>
      (
        await owner.query<{ n: number }>(
          `select count(*)::int as n from promises where case_id = $1`,
          [caseId],
        )
      ).rows[0].n;
    // The demo's week of work may already hold promises on the case.
    const before = await promisesOf(theirs.id);

    const page = await e2e.newPage();
    await logIn(page, phone1);
    const response = await page.goto(`/console/cases/${theirs.id}`);
    expect(response?.status()).toBe(404);
    await page.getByRole('heading', { name: '未找到' }).waitFor();
    expect(await page.content()).not.toContain(theirs.name);

    // The same through a forged form post with a valid CSRF token: still not found.
    const posted = await page.evaluate(async (caseId) => {
      const token = JSON.parse(document.body.getAttribute('hx-headers') ?? '{}')['X-CSRF-Token'];
      const body = new URLSearchParams({ amount: '100.00', dueOn: '2026-03-20' });
      const r = await fetch(`/console/cases/${caseId}/promises`, {
        method: 'POST',
        headers: { 'X-CSRF-Token': token, 'HX-Request': 'true' },
        body,
      });
      return r.status;
    }, theirs.id);
    expect(posted).toBe(404);
    expect(await promisesOf(theirs.id)).toBe(before);

    // Their own case opens.
    const mine = await owner.query<{ id: string }>(
      `select id from cases where assignee_id = $1 order by id limit 1`,
      [phone1.userId],
    );
    expect((await page.goto(`/console/cases/${mine.rows[0].id}`))?.status()).toBe(200);
    await owner.end();
  });

  it('a POST without the CSRF token is refused (403) before any command runs', async () => {
    const page = await e2e.newPage();
    await logIn(page, e2e.users.get('xx.duan')!);
    const status = await page.evaluate(async () => {
      const r = await fetch('/console/work/tasks/00000000-0000-4000-8000-000000000000/complete', {
        method: 'POST',
        body: new URLSearchParams({}),
      });
      return r.status;
    });
    expect(status).toBe(403);
  });
});
