import { ownerQuery } from '../collection/support/fixtures';
import { ConsoleE2e, describeInBrowser, logIn, startConsoleE2e } from './support/console-e2e';
import { readsChinese, shot, textOf } from './support/office-day';
import { leaksIn } from './support/zh-leaks';

jest.setTimeout(180_000);

/** The school pack's default threshold (defaultThresholdDays) and the stage it opens. */
const DEFAULT_DAYS = 90;
/**
 * A Wednesday, 10:00 in Beijing, 95 days after the 12-20 settlement: a student who missed it
 * is now past the 90 days and defaulted (at the e2e's usual 03-11 nobody would be yet).
 */
const NOW = '2026-03-25T02:00:00Z';
const TODAY = '2026-03-25';

/**
 * 篇二/篇四/篇七, the school's day: 成员 段善波 finds her defaulted students in 案件查询
 * (违约：乡镇政府、民政、行政村协助催缴), reads the parent's phone on the case page, calls
 * the parent and writes down the promise; 组长（校长）sees the student default rate against
 * 5% on the dashboard; the 年度工作考核 report opens with the same figure.
 */
describeInBrowser('office day, school (篇二/四/七): from the defaulters to the assessment', () => {
  let e2e: ConsoleE2e;
  let tenantId: string;
  /** The defaulted student the day follows, and the parent (co-borrower) on the loan. */
  let student: { case_id: string; name: string; parent: string; phone: string };
  /** The default rate the dashboard showed, which the assessment report must repeat. */
  let schoolRate: { defaulted: number; due: number; pct: string };

  beforeAll(async () => {
    // 200 accounts: ~25 per cohort, so each cohort's 4.9% is at least one defaulted student.
    e2e = await startConsoleE2e(['demo-school'], { size: 200, now: NOW });
    [{ id: tenantId }] = await ownerQuery<{ id: string }>(
      e2e.api,
      `select id from tenants where slug = 'demo-school'`,
    );
  }, 180_000);
  afterAll(async () => {
    await e2e?.close();
  });

  it('成员 段善波 finds her defaulted students in 案件查询 and the parent’s phone whole on the case page', async () => {
    const teacher = e2e.users.get('xx.duan')!;
    const defaulted = await ownerQuery<{ case_id: string; name: string }>(
      e2e.api,
      `select c.id as case_id, d.name from cases c
         join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
        where c.tenant_id = $1 and c.assignee_id = $2 and c.stage = 'local-help'
          and c.closed_on is null
        order by c.id`,
      [tenantId, teacher.userId],
    );
    expect(defaulted.length).toBeGreaterThan(0);

    const page = await e2e.newPage();
    await logIn(page, teacher);
    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: '案件查询' })
      .click();
    await page.waitForURL('**/console/cases');
    await page.getByText('更多筛选条件').click();
    await page.getByLabel('阶段').selectOption({ label: '违约：乡镇政府、民政、行政村协助催缴' });
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/stage=local-help/);
    await page.locator('#pool-total').getByText(`共 ${defaulted.length} 件`).waitFor();
    const listed = await page
      .locator('#pool-main tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => (r as unknown as { dataset: { case: string } }).dataset.case),
      );
    expect(listed.sort()).toEqual(defaulted.map((d) => d.case_id).sort());
    await readsChinese(page);
    await shot(page, 'school-defaulters');

    // The student whose parent is on the loan with a phone: the one the teacher calls.
    const [withParent] = await ownerQuery<{
      case_id: string;
      name: string;
      parent: string;
      phone: string;
    }>(
      e2e.api,
      `select c.id as case_id, d.name, r.name as parent, r.phone from cases c
         join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
         join related_parties r on r.tenant_id = d.tenant_id and r.debtor_id = d.id
          and r.kind = 'co-borrower' and r.phone is not null
        where c.id = any($1::uuid[]) order by c.id limit 1`,
      [defaulted.map((d) => d.case_id)],
    );
    expect(withParent).toBeDefined();
    student = withParent;
    await page.locator(`#pool-main tr[data-case="${student.case_id}"]`).getByRole('link').click();
    await page.waitForURL(`**/console/cases/${student.case_id}`);
    const panel = page.locator('#case-contacts');
    await panel.getByText('本案由您负责').waitFor();
    const parent = panel.locator('.cp-party', { hasText: student.parent });
    await parent.getByRole('heading', { name: /共同借款人/ }).waitFor();
    await parent.locator(`a[href="tel:${student.phone}"]`).waitFor();
    await readsChinese(page);
    await shot(page, 'school-parent-phone');
  });

  it('she calls the parent and writes down the promise: the contact and the promise are saved together', async () => {
    const teacher = e2e.users.get('xx.duan')!;
    const page = await e2e.newPage();
    await logIn(page, teacher);
    await page.goto(`/console/cases/${student.case_id}`);
    const form = page.locator('#contact-form');
    await form.getByLabel('方式').selectOption('call');
    // The parent is the loan's co-borrower: the choice says so (the pack allows co-borrowers).
    await form.getByLabel('联系对象').selectOption({ label: '共同借款人或其他联系人' });
    await form.getByLabel('结果').selectOption('promised-to-pay');
    await form.getByLabel('情况记录').fill('学生父亲接听，答应月底前替孩子还清逾期本息');
    await form.getByLabel('承诺金额（元）').fill('1200.00');
    await form.getByLabel('承诺还款日').fill('2026-03-31');
    await form.getByRole('button', { name: '保存联系记录' }).click();
    await page.getByText('联系记录已保存。').waitFor();
    await page
      .locator('.timeline')
      .getByText(/承诺还款/)
      .first()
      .waitFor();
    await readsChinese(page);
    await shot(page, 'school-call-logged');

    const contacts = await ownerQuery<{
      channel: string;
      party: string;
      outcome_code: string;
      recorded_by: string;
    }>(
      e2e.api,
      `select channel, party, outcome_code, recorded_by from contact_attempts where case_id = $1`,
      [student.case_id],
    );
    expect(contacts).toEqual([
      {
        channel: 'call',
        party: 'other',
        outcome_code: 'promised-to-pay',
        recorded_by: teacher.userId,
      },
    ]);
    const promises = await ownerQuery<{ amount: string; due_on: string; status: string }>(
      e2e.api,
      `select amount::text, due_on::text, status from promises where case_id = $1`,
      [student.case_id],
    );
    expect(promises).toEqual([{ amount: '1200.00', due_on: '2026-03-31', status: 'pending' }]);
  });

  it('组长（校长）sees the student default rate against 5% on the dashboard', async () => {
    const [rate] = await ownerQuery<{ defaulted: number; due: number }>(
      e2e.api,
      `with worst as (
         select a.debtor_id, max(ab.dpd) as dpd from accounts a
           join account_balances ab on ab.tenant_id = a.tenant_id and ab.account_id = a.id
          where a.tenant_id = $1
            and exists (select 1 from installments i where i.tenant_id = a.tenant_id
                          and i.account_id = a.id and i.due_date <= $3::date)
          group by a.debtor_id)
       select count(*) filter (where dpd > $2)::int as defaulted, count(*)::int as due from worst`,
      [tenantId, DEFAULT_DAYS, TODAY],
    );
    expect(rate.defaulted).toBeGreaterThan(0);
    const pct = (Math.round((rate.defaulted * 10000) / rate.due) / 100).toFixed(2);
    const page = await e2e.newPage();
    await logIn(page, e2e.users.get('xx.leader')!);
    expect(new URL(page.url()).pathname).toBe('/console/dashboard');
    const target = page.locator('#target-default-rate');
    await target.getByRole('heading', { name: '学生违约率' }).waitFor();
    expect(await target.locator('.hint').first().innerText()).toContain('上限 5.00%');
    // The whole school first: defaulted ÷ borrowers with something due, judged against 5%.
    const row = target.locator('tbody tr').first();
    const cells = await row.locator('td').allInnerTexts();
    expect(cells[0]).toContain('全单位');
    expect(cells[1]).toBe(`${pct}%`);
    expect(cells[2]).toBe(Number(pct) > 5 ? '未达标' : '达标');
    schoolRate = { ...rate, pct };
    // The teacher's call and promise of this morning are in the collectors' figures.
    const perf = page.locator('#perf-h ~ table tbody tr', { hasText: '成员 段善波' });
    const figures = await perf.locator('td').allInnerTexts();
    // 联系次数 1; 承诺（作出/兑现/违约）1 made, none kept or broken yet.
    expect(figures.slice(-2)).toEqual(['1', '1 / 0 / 0']);
    await readsChinese(page);
    await shot(page, 'school-dashboard');
  });

  it('组长 generates 生源地助学贷款年度工作考核 and it opens with the same default rate', async () => {
    const page = await e2e.newPage();
    await logIn(page, e2e.users.get('xx.leader')!);
    await page.goto('/console/reports');
    const report = page.locator('li.report[data-report="annual-assessment"]');
    await report.getByText('生源地助学贷款年度工作考核').waitFor();
    await report.getByLabel('格式').selectOption('html');
    await report.getByRole('button', { name: '生成' }).click();
    await page.getByText('报表已生成').first().waitFor();
    const run = page.locator('#reports-main tr.is-new');
    const href = await run.getByRole('link', { name: '下载' }).getAttribute('href');
    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    const html = (await response.body()).toString('utf8');
    expect(leaksIn(textOf(html))).toEqual([]);
    expect(html).toContain('<h1>生源地助学贷款年度工作考核</h1>');
    // The same figure as the dashboard: the target, the actual, numerator and denominator.
    expect(html).toContain(
      `<td>学生违约率</td><td>全单位</td><td>某某县第二中学（生源地助学贷款）</td><td class="n">5.00%</td>` +
        `<td class="n">${schoolRate.pct}%</td>`,
    );
    expect(html).toMatch(
      new RegExp(`<td class="n">${schoolRate.defaulted}</td><td class="n">${schoolRate.due}</td>`),
    );
    const runs = await ownerQuery<{ report_id: string; state: string; requested_by: string }>(
      e2e.api,
      `select report_id, state, requested_by from report_runs where tenant_id = $1`,
      [tenantId],
    );
    expect(runs).toEqual([
      {
        report_id: 'annual-assessment',
        state: 'done',
        requested_by: e2e.users.get('xx.leader')!.userId,
      },
    ]);
    await readsChinese(page);
    await shot(page, 'school-reports');
  });
});
