import { join } from 'node:path';
import { ConsoleE2e, describeInBrowser, logIn, startConsoleE2e } from './support/console-e2e';

const SHOTS = process.env.SCREENSHOTS === '1';
const SHOT_DIR = join(__dirname, '..', '..', 'docs', 'screenshots');

jest.setTimeout(120_000);

/** What the page's ECharts instance holds for a chart element (set by console.js). */
interface ChartState {
  readonly rendered: number;
  readonly markLine: number | null;
  readonly points: number;
}

describeInBrowser('leader dashboard (篇二: the school default rate against 5%)', () => {
  let e2e: ConsoleE2e;

  beforeAll(async () => {
    e2e = await startConsoleE2e(['demo-school'], 120);
  });
  afterAll(() => e2e?.close());

  it('shows the leader the default-rate chart over time with the 5% line', async () => {
    const page = await e2e.newPage();
    await logIn(page, e2e.users.get('xx.leader')!);
    // 组长 lands on the dashboard.
    expect(new URL(page.url()).pathname).toBe('/console/dashboard');
    await page.getByRole('heading', { name: '学生违约率', level: 3 }).waitFor();

    const chart = page.locator('#chart-default-rate-tenant');
    await chart.locator('svg path').first().waitFor({ state: 'attached' });
    // The server's option: the 5% bound as a markLine on the first series.
    const option = JSON.parse((await chart.getAttribute('data-chart')) ?? 'null') as {
      series: { markLine?: { data: { yAxis: number }[] } }[];
    };
    expect(option.series[0].markLine?.data[0].yAxis).toBe(5);
    // And what the browser drew: the live ECharts instance, with an SVG rendered.
    const state = await chart.evaluate((el: unknown): ChartState => {
      const w = globalThis as unknown as {
        echarts: { getInstanceByDom(el: unknown): { getOption(): Record<string, unknown> } };
      };
      const dom = el as { querySelectorAll(selector: string): { length: number } };
      const live = w.echarts.getInstanceByDom(el).getOption() as {
        series: { data: unknown[]; markLine?: { data: { yAxis: number }[] } }[];
      };
      return {
        rendered: dom.querySelectorAll('svg path').length,
        markLine: live.series[0].markLine?.data[0].yAxis ?? null,
        points: live.series[0].data.length,
      };
    });
    expect(state.markLine).toBe(5);
    expect(state.points).toBeGreaterThanOrEqual(1);
    expect(state.rendered).toBeGreaterThan(3);
    await expect(chart.getAttribute('aria-label')).resolves.toContain('上限 5.00%');

    // Today's judgement next to the chart: the whole school's row with a status badge.
    const tenantRow = page.locator('#target-default-rate tbody tr').first();
    await expect(tenantRow.locator('.badge').textContent()).resolves.toMatch(
      /达标|未达标|有风险|无数据/,
    );
    // Aging buckets as a bar chart and the collectors' table.
    await page.locator('#chart-aging svg').waitFor({ state: 'attached' });
    await expect(page.locator('#perf-h').isVisible()).resolves.toBe(true);
    if (SHOTS)
      await page.screenshot({ path: join(SHOT_DIR, 'leader-dashboard.png'), fullPage: true });
  });
});
