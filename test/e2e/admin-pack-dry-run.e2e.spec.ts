import { join } from 'node:path';
import {
  ConsoleE2e,
  describeInBrowser,
  E2E_NOW,
  logIn,
  startConsoleE2e,
} from './support/console-e2e';

const SHOTS = process.env.SCREENSHOTS === '1';
const SHOT_DIR = join(__dirname, '..', '..', 'docs', 'screenshots');
const SAMPLE = '/work/shared/samples/student-loans.csv';

jest.setTimeout(120_000);

describeInBrowser('tenant admin: installed pack, dry run, imports, notices', () => {
  let e2e: ConsoleE2e;

  beforeAll(async () => {
    e2e = await startConsoleE2e(['demo-microloan'], { size: 120, kpiDays: 1 });
  });
  afterAll(() => e2e?.close());

  it('runs a dry run of a bundled pack version and shows what would change', async () => {
    const page = await e2e.newPage();
    await logIn(page, e2e.users.get('xd.admin')!);
    await page.goto('/console/admin/pack');
    await expect(page.getByText('版本 1.0.0').first().isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: '开始试运行' }).click();
    const stages = page.locator('#dry-run-stages tbody tr');
    await stages.first().waitFor();
    // The open cases counted per stage add up to the cases evaluated.
    const counts = await page.locator('#dry-run-stages tbody td.num').allTextContents();
    const summary = (await page.locator('.dry-run-result .summary').textContent()) ?? '';
    const evaluated = Number(/评估 (\d+) 个案件/.exec(summary)?.[1]);
    expect(evaluated).toBeGreaterThan(0);
    expect(counts.reduce((sum, n) => sum + Number(n), 0)).toBe(evaluated);
    if (SHOTS)
      await page.screenshot({ path: join(SHOT_DIR, 'admin-pack-dry-run.png'), fullPage: true });
  });

  it('uploads an import and shows it queued; previews a notice and records its delivery', async () => {
    const page = await e2e.newPage();
    await logIn(page, e2e.users.get('xd.admin')!);
    await page.goto('/console/admin/imports');
    await page.getByLabel(/^文件/).setInputFiles(SAMPLE);
    await page.getByLabel(/^类型/).selectOption('accounts');
    await page.getByLabel(/^字段映射/).selectOption('student-loans');
    await Promise.all([
      page.waitForURL(/\/console\/admin\/imports\/[0-9a-f-]{36}$/),
      page.getByRole('button', { name: '开始导入' }).click(),
    ]);
    // No worker runs in this test: the import waits in the queue and the page polls.
    await expect(
      page.locator('#import-progress [data-status]').getAttribute('data-status'),
    ).resolves.toBe('queued');
    await expect(page.locator('#import-progress').getAttribute('hx-trigger')).resolves.toBe(
      'every 2s',
    );
    if (SHOTS) await page.screenshot({ path: join(SHOT_DIR, 'admin-import.png'), fullPage: true });

    await page.goto('/console/notices');
    await page.locator('tbody a[href^="/console/notices/"]').first().click();
    await page.frameLocator('#letter-frame').locator('body').waitFor();
    expect(await page.frameLocator('#letter-frame').locator('body').textContent()).toMatch(/\S/);
    await page.getByLabel(/^结果/).selectOption('sent');
    await page.getByLabel(/^日期/).fill(E2E_NOW.slice(0, 10));
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await page.locator('#notice-delivery .flash').waitFor();
    await expect(
      page.locator('#notice-delivery [data-status]').getAttribute('data-status'),
    ).resolves.toBe('sent');
    if (SHOTS) await page.screenshot({ path: join(SHOT_DIR, 'notice-preview.png') });
  });
});
