import { RunImport } from '../../libs/imports/src';
import { MonitorSlas } from '../../libs/collection/src';
import { systemMeta } from '../../libs/core/src';
import type { Client } from 'pg';
import { connect } from '../support/test-db';
import { EngineWorker, startEngineWorker } from '../engine/support/engine-worker';
import {
  ConsoleE2e,
  DemoLogin,
  describeInBrowser,
  keepScreenshot,
  logIn,
  startConsoleE2e,
} from './support/console-e2e';

const GBK = '/work/shared/samples/card-agency-cases.gbk.csv';

// page.evaluate runs in the browser; the test's TypeScript has no DOM library.
declare const document: { documentElement: { scrollWidth: number; clientWidth: number } };

jest.setTimeout(180_000);

/**
 * 篇八 四, the agency's morning: the assistant imports the bank's GBK batch, the 催收主管 sees
 * the 30 new cases with their amounts in his unassigned pool at once, 自动分案 deals them to
 * the phone collectors by the pack's capacity rule (preview, then confirm), he opens an SLA
 * alert group and acknowledges an alert, and hands one case back to the bank (退案).
 */
describeInBrowser('the supervisor’s desk: imported cases, 自动分案, SLA alerts, 退案', () => {
  let e2e: ConsoleE2e;
  let owner: Client;
  let tenantId: string;
  let importId: string;
  let supervisor: DemoLogin;
  let worker: EngineWorker;
  /** The worker's part: the tenant's new events through the pack's rules. */
  const runRules = async (types: string[]) => {
    for (const event of await worker.take(tenantId, types)) await worker.deliver(event);
  };
  const one = async <T extends object>(sql: string, params: unknown[] = []) =>
    (await owner.query(sql, params)).rows[0] as T;

  beforeAll(async () => {
    e2e = await startConsoleE2e(['demo-agency'], { kpiDays: 1 });
    owner = await connect(e2e.api.db.ownerUrl);
    supervisor = e2e.users.get('cs.supervisor')!;
    tenantId = (await one<{ id: string }>(`select id from tenants where slug = 'demo-agency'`)).id;
    worker = await startEngineWorker(e2e.api);
    await worker.take(tenantId); // the demo book's own history is not today's work
  });
  afterAll(async () => {
    await owner?.end();
    await worker?.close();
    await e2e?.close();
  });

  it('the assistant uploads the GBK batch; once run, the supervisor sees 30 new unassigned cases with amounts', async () => {
    const unassignedBefore = (
      await one<{ n: number }>(
        `select count(*)::int as n from cases where tenant_id = $1 and assignee_id is null
           and closed_on is null`,
        [tenantId],
      )
    ).n;
    const clerk = e2e.users.get('cs.assistant')!;
    const page = await e2e.newPage();
    await logIn(page, clerk);
    await page.goto('/console/admin/imports');
    await page.getByLabel(/^文件/).setInputFiles(GBK);
    await page.getByLabel(/^类型/).selectOption('cases');
    await Promise.all([
      page.waitForURL(/\/console\/admin\/imports\/[0-9a-f-]{36}$/),
      page.getByRole('button', { name: '开始导入' }).click(),
    ]);
    importId = new URL(page.url()).pathname.split('/').pop()!;
    // No worker in this test: run the queued import as the worker would.
    await e2e.api.commands.execute(
      new RunImport(
        { tenantId, actorId: clerk.userId, roles: ['clerk'], correlationId: 'e2e-import' },
        importId,
      ),
    );
    const imported = await one<{ n: number; owing: number }>(
      `select count(*)::int as n,
              count(*) filter (where b.total_due > 0 and b.dpd > 0)::int as owing
       from cases c join case_accounts ca on ca.tenant_id = c.tenant_id and ca.case_id = c.id
       join account_balances b on b.tenant_id = ca.tenant_id and b.account_id = ca.account_id
       where c.tenant_id = $1 and c.import_id = $2`,
      [tenantId, importId],
    );
    expect(imported).toEqual({ n: 30, owing: 30 });
    // 篇八: each imported case gives the supervisor a 分配案件 task, due within a working day.
    await runRules(['ImportFinished']);
    const assignTasks = await one<{ n: number }>(
      `select count(*)::int as n from tasks t join cases c on c.tenant_id = t.tenant_id and c.id = t.case_id
       where t.tenant_id = $1 and t.title = '分配案件' and t.status = 'open' and c.import_id = $2`,
      [tenantId, importId],
    );
    expect(assignTasks.n).toBe(30);

    const desk = await e2e.newPage();
    await logIn(desk, supervisor);
    await desk.goto('/console/supervisor#unassigned-h');
    const pool = desk.locator('section[aria-labelledby="unassigned-h"]');
    await expect(pool.locator('h2 small').textContent()).resolves.toBe(
      `共 ${unassignedBefore + 30} 件`,
    );
    const sun = pool.locator('tr:has-text("孙桂英")');
    const amount = (await sun.locator('td[data-label="应还金额"]').textContent())?.trim();
    expect(amount).not.toBe('¥0.00');
    expect(amount).toMatch(/^¥[\d,]+\.\d{2}$/);
    expect(
      Number(await sun.locator('td[data-label="逾期天数"]').textContent()),
    ).toBeGreaterThanOrEqual(130);
    // 留案: the agency pack's 90 days from 委案日期 (2026-03-01); 退案: the batch's 退案日期.
    await expect(sun.locator('td[data-label="留案至"]').textContent()).resolves.toBe('2026-05-30');
    await expect(sun.locator('td[data-label="退案日"]').textContent()).resolves.toBe('2026-05-31');
    await keepScreenshot(desk, 'supervisor-pool');
    // The 分配案件 task on his worklist opens this desk, not a 未找到 page.
    await desk.goto('/console/work');
    const open = desk.locator('tr[data-task] a.button[href^="/console/supervisor/cases/"]');
    expect(await open.count()).toBeGreaterThan(0);
    await open.first().click();
    await desk.waitForURL('**/console/supervisor#unassigned-h');
    await desk.locator('#unassigned-h').waitFor();
  });

  it('自动分案: the preview names the capacity rule and writes nothing; confirming deals them out evenly', async () => {
    const loads = async () =>
      (
        await owner.query<{ username: string; n: number }>(
          `select u.username, count(c.id)::int as n from users u
           left join cases c on c.tenant_id = u.tenant_id and c.assignee_id = u.id and c.closed_on is null
           where u.tenant_id = $1 and u.username in ('cs.phone1', 'cs.phone2')
           group by u.username order by u.username`,
          [tenantId],
        )
      ).rows.map((r) => r.n);
    const pooled = async () =>
      (
        await one<{ n: number }>(
          `select count(*)::int as n from cases where tenant_id = $1 and assignee_id is null
             and closed_on is null`,
          [tenantId],
        )
      ).n;
    const [a, b] = await loads();
    const n = await pooled();
    const page = await e2e.newPage();
    await logIn(page, supervisor);
    await page.goto('/console/supervisor');
    await page.getByRole('button', { name: '自动分案' }).click();
    const preview = page.locator('#auto-preview');
    await preview.waitFor();
    expect(await preview.innerText()).toContain('分案规则：按容量分配 · 每人最多 300 件在办案件');
    expect(await preview.locator('.summary').textContent()).toBe(`将分配 ${n} 件，0 件不分配。`);
    expect(await pooled()).toBe(n);
    await keepScreenshot(page, 'supervisor-auto-assign');
    await page.locator('#auto-confirm').click();
    await page.getByText(`已自动分配 ${n} 个案件。`).waitFor();
    expect(await pooled()).toBe(0);
    const after = await loads();
    // Fewest open cases first: the two end level (or one apart) when the pool covers the gap.
    const total = a + b + n;
    if (Math.abs(a - b) <= n) {
      expect(after.sort()).toEqual([Math.floor(total / 2), Math.ceil(total / 2)].sort());
    }
    expect(after[0] + after[1]).toBe(total);
    const imported = await one<{ n: number }>(
      `select count(*)::int as n from cases c join users u on u.tenant_id = c.tenant_id
         and u.id = c.assignee_id
       where c.tenant_id = $1 and c.import_id = $2 and 'phone-collector' = any(u.roles)`,
      [tenantId, importId],
    );
    expect(imported.n).toBe(30);
    // Assigning was the 分配案件 task's deliverable: all 30 are done, inside the SLA.
    const tasks = await one<{ done: number; late: number }>(
      `select count(*) filter (where t.status = 'done')::int as done,
              count(*) filter (where t.completed_at > t.sla_due_at)::int as late
       from tasks t join cases c on c.tenant_id = t.tenant_id and c.id = t.case_id
       where t.tenant_id = $1 and t.title = '分配案件' and c.import_id = $2`,
      [tenantId, importId],
    );
    expect(tasks).toEqual({ done: 30, late: 0 });
    // The phone collectors' first calls (2 working hours, 篇八) follow from the assignment.
    await runRules(['CaseAssigned']);
  });

  it('an SLA alert group names debtor and collector; 确认 acknowledges one', async () => {
    // The SLA monitor (a worker job) judges two days later: the first calls are late.
    e2e.api.clock.set('2026-03-13T08:00:00Z');
    await e2e.api.commands.execute(
      new MonitorSlas(
        systemMeta({ tenantId, actorId: 'e2e-monitor', correlationId: 'e2e-sla' }),
        e2e.api.clock.now(),
      ),
    );
    const open = await one<{ n: number }>(
      `select count(*)::int as n from alerts where tenant_id = $1 and state = 'open'`,
      [tenantId],
    );
    expect(open.n).toBeGreaterThan(0);
    const page = await e2e.newPage();
    await logIn(page, supervisor);
    await page.goto('/console/supervisor#alerts-h');
    const group = page.locator('[data-alert-group]').first();
    const label = (await group.textContent()) ?? '';
    expect(label).toMatch(/时限 · \d+ 件$/);
    await group.click();
    const row = page.locator('tr[data-alert]').first();
    await row.waitFor();
    const alertId = await row.getAttribute('data-alert');
    const debtor = (await row.locator('td[data-label="债务人"] a').textContent())?.trim();
    expect(debtor).toBeTruthy();
    expect((await row.locator('td[data-label="催收员"]').textContent())?.trim()).toMatch(/\S/);
    await keepScreenshot(page, 'supervisor-alerts');
    await row.getByRole('button', { name: '确认' }).click();
    await page.getByText('已确认预警。').waitFor();
    const acked = await one<{ state: string; by: string }>(
      `select state, acknowledged_by as by from alerts where tenant_id = $1 and id = $2`,
      [tenantId, alertId],
    );
    expect(acked).toEqual({ state: 'acknowledged', by: supervisor.userId });
    expect(await page.locator(`tr[data-alert="${alertId}"]`).count()).toBe(0);
  });

  it('案件操作: 退案 without a reason is refused at the field; with one the case is returned', async () => {
    const target = await one<{ id: string }>(
      `select c.id from cases c join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
       where c.tenant_id = $1 and c.import_id = $2 and d.name = '孙桂英'`,
      [tenantId, importId],
    );
    const page = await e2e.newPage();
    await logIn(page, supervisor);
    await page.goto(`/console/cases/${target.id}`);
    const panel = page.locator('section#case-actions');
    await panel.waitFor();
    // The agency's dates for this case, as on the pool.
    await expect(panel.locator('[data-date="retain"]').textContent()).resolves.toBe('2026-05-30');
    await expect(panel.locator('[data-date="return"]').textContent()).resolves.toBe('2026-05-31');
    await panel.getByText('结案 / 退案').click();
    await panel.getByLabel(/^结案方式/).selectOption('returned');
    await panel.getByRole('button', { name: '结案' }).click();
    await page.locator('#act-close-reason-error').waitFor();
    expect(await page.locator('#act-close-reason-error').textContent()).toMatch(/[\u4e00-\u9fa5]/);
    expect(
      (await one<{ status: string }>(`select status from cases where id = $1`, [target.id])).status,
    ).toBe('open');
    await page.locator('#act-close-reason').fill('委托期满，银行收回');
    await Promise.all([
      page.waitForURL(`**/console/cases/${target.id}`),
      page.locator('section#case-actions').getByRole('button', { name: '结案' }).click(),
    ]);
    await page.getByText('案件已结案。').waitFor();
    await keepScreenshot(page, 'case-returned');
    const closed = await one<{ status: string; closed_on: string | null }>(
      `select status, closed_on::text from cases where id = $1`,
      [target.id],
    );
    expect(closed).toEqual({ status: 'returned', closed_on: '2026-03-13' });
  });

  it('on a phone (390×844) the desk and the case’s action panel do not scroll sideways', async () => {
    const page = await e2e.newPage({ width: 390, height: 844 });
    await logIn(page, supervisor);
    const sideways = () =>
      page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
    await page.goto('/console/supervisor');
    expect(await sideways()).toBe(0);
    const anyCase = await one<{ id: string }>(
      `select id from cases where tenant_id = $1 and import_id = $2 and closed_on is null limit 1`,
      [tenantId, importId],
    );
    await page.goto(`/console/cases/${anyCase.id}`);
    await page.locator('section#case-actions').waitFor();
    expect(await sideways()).toBe(0);
    await keepScreenshot(page, 'case-actions-phone');
  });
});
