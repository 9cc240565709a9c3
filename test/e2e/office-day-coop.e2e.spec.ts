import { ownerQuery } from '../collection/support/fixtures';
import { ConsoleE2e, describeInBrowser, logIn, startConsoleE2e } from './support/console-e2e';
import { readsChinese, SAMPLES, shot, textOf, uploadAndRunImport } from './support/office-day';
import { leaksIn } from './support/zh-leaks';

const FILE = `${SAMPLES}/coop-npl-loans.csv`;

jest.setTimeout(180_000);

/**
 * 篇三 (and the 乡 plan beside it), the co-op's drive day: 办公室主任 刘双虎 imports the
 * ledger's bad-loan list (its 村组 land in the villages the co-op already has, none twice);
 * 贾志忠 takes a 摸底 item from his worklist, records the borrower's situation and the visit;
 * 组长 余强 sees the drive's progress by phase and by village; the office runs the
 * 不良贷款统计表 and it lists the imported loans by village.
 */
describeInBrowser('office day, co-op (篇三): from the bad-loan list to the NPL statistics', () => {
  let e2e: ConsoleE2e;
  let tenantId: string;
  /** The 摸底 item the collector works, and its case. */
  let item: { id: string; case_id: string; name: string; village: string };

  beforeAll(async () => {
    e2e = await startConsoleE2e(['demo-coop'], 40);
    [{ id: tenantId }] = await ownerQuery<{ id: string }>(
      e2e.api,
      `select id from tenants where slug = 'demo-coop'`,
    );
  }, 180_000);
  afterAll(async () => {
    await e2e?.close();
  });

  const villages = () =>
    ownerQuery<{ code: string; name: string; members: number }>(
      e2e.api,
      `select g.code, g.name, (select count(*)::int from debtor_group_members m
                                 where m.tenant_id = g.tenant_id and m.group_id = g.id) as members
         from debtor_groups g where g.tenant_id = $1 and g.type = 'village' order by g.code`,
      [tenantId],
    );

  it('办公室主任 imports the bad-loan list: 40 rows, no errors, each 村组 in the village the co-op already has', async () => {
    const before = await villages();
    expect(before.map((v) => v.code)).toContain('V01');
    const office = e2e.users.get('xys.office')!;
    const page = await e2e.newPage();
    await logIn(page, office);
    await uploadAndRunImport(e2e, page, {
      tenantId,
      user: office,
      role: 'supervisor',
      file: FILE,
      type: 'accounts',
      mapping: 'coop-npl',
    });
    await page.reload();
    const progress = page.locator('#import-progress');
    await progress.locator('[data-status="succeeded"]').waitFor();
    // 已处理行 counts the file's rows (40), not its last line number (41 with the header).
    const facts = Object.fromEntries(
      await progress.locator('dl.facts > div').evaluateAll((divs) =>
        divs.map((d) => {
          const el = d as unknown as { querySelector(s: string): { textContent: string } };
          return [el.querySelector('dt').textContent, el.querySelector('dd').textContent];
        }),
      ),
    );
    expect(facts).toMatchObject({
      已处理行: '40',
      成功: '40',
      有误: '0',
      总行数: '40',
      加入分组: '40',
    });
    await page.getByText('没有错误').first().waitFor();
    await readsChinese(page, ['coop-npl-loans.csv']);
    await shot(page, 'coop-import');

    const [loans] = await ownerQuery<{ n: number; lent: string }>(
      e2e.api,
      `select count(*)::int as n, sum(principal)::text as lent from accounts
        where tenant_id = $1 and external_ref like 'NX20%'`,
      [tenantId],
    );
    expect(loans.n).toBe(40);
    // No village twice: the file's 前营村 is the co-op's V01, not a new 前营村.
    const after = await villages();
    expect(after.map((v) => ({ code: v.code, name: v.name }))).toEqual(
      before.map((v) => ({ code: v.code, name: v.name })),
    );
    const joined = await ownerQuery<{ village: string; n: number }>(
      e2e.api,
      `select g.name as village, count(*)::int as n from accounts a
         join debtor_group_members m on m.tenant_id = a.tenant_id and m.debtor_id = a.debtor_id
         join debtor_groups g on g.tenant_id = m.tenant_id and g.id = m.group_id and g.type = 'village'
        where a.tenant_id = $1 and a.external_ref like 'NX20%' group by g.name`,
      [tenantId],
    );
    expect(Object.fromEntries(joined.map((j) => [j.village, j.n]))).toEqual({
      前营村: 11,
      北岭村: 7,
      东庄村: 6,
      南坡村: 11,
      西河村: 5,
    });
  });

  it('贾志忠 completes a 摸底 item from his worklist with the borrower’s situation, then logs the visit', async () => {
    const jia = e2e.users.get('xys.jia')!;
    const page = await e2e.newPage();
    await logIn(page, jia);
    await page.goto('/console/work');
    const section = page.locator('#drive-items');
    await section.getByRole('heading', { name: '清收活动事项' }).waitFor();
    const first = section.locator('tbody tr').filter({ hasText: '摸底阶段' }).first();
    await first.getByText('调查摸底、填写不良贷款统计表').waitFor();
    const itemId = (await first.getAttribute('data-drive-item')) as string;
    [item] = await ownerQuery<{ id: string; case_id: string; name: string; village: string }>(
      e2e.api,
      `select i.id, i.case_id, d.name, g.name as village from drive_items i
         join cases c on c.tenant_id = i.tenant_id and c.id = i.case_id
         join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
         join debtor_group_members m on m.tenant_id = d.tenant_id and m.debtor_id = d.id
         join debtor_groups g on g.tenant_id = m.tenant_id and g.id = m.group_id and g.type = 'village'
        where i.id = $1`,
      [itemId],
    );
    expect(await first.innerText()).toContain(item.name);
    await first.getByRole('link', { name: '完成任务' }).click();
    const form = page.locator(`#drive-item-${itemId}`);
    await form.waitFor();
    await form.getByLabel('结果').selectOption('working-away');
    await form.getByLabel('情况记录').fill('本人在外地务工，家属称年底回乡还款');
    await form.getByRole('button', { name: '确认完成' }).click();
    await page.getByText('清收活动事项已完成。').waitFor();
    const [done] = await ownerQuery<{ status: string; completed_by: string }>(
      e2e.api,
      `select status, completed_by from drive_items where id = $1`,
      [itemId],
    );
    expect(done).toEqual({ status: 'done', completed_by: jia.userId });

    // The visit to the family, on the case page.
    await page.goto(`/console/cases/${item.case_id}`);
    const contact = page.locator('#contact-form');
    await contact.getByLabel('方式').selectOption('visit');
    await contact.getByLabel('联系对象').selectOption('debtor');
    await contact.getByLabel('结果').selectOption('third-party-relay');
    await contact.getByLabel('情况记录').fill('上门走访，借款人外出务工，已向其父亲送达贷款明细');
    await contact.getByRole('button', { name: '保存联系记录' }).click();
    await page.getByText('联系记录已保存。').waitFor();
    await page
      .locator('.timeline')
      .getByText(/外访.*第三方转告/)
      .first()
      .waitFor();
    await readsChinese(page);
    await shot(page, 'coop-visit');
    const visits = await ownerQuery<{ channel: string; outcome_code: string; recorded_by: string }>(
      e2e.api,
      `select channel, outcome_code, recorded_by from contact_attempts
        where case_id = $1 and recorded_by = $2`,
      [item.case_id, jia.userId],
    );
    expect(visits).toEqual([
      { channel: 'visit', outcome_code: 'third-party-relay', recorded_by: jia.userId },
    ]);
  });

  it('组长 余强 sees the drive’s progress by phase and by village on the dashboard', async () => {
    const page = await e2e.newPage();
    await logIn(page, e2e.users.get('xys.leader')!);
    await page.goto('/console/dashboard');
    const drive = page.locator('#drives-h ~ article.drive').first();
    await drive.getByText('集中清收不良贷款').first().waitFor();
    // 任务完成 per phase: the phase's own tasks and its per-case items, as the database holds.
    const [survey] = await ownerQuery<{ done: number; total: number }>(
      e2e.api,
      `select sum(done_quantity)::int as done, sum(quantity)::int as total from drive_items
        where tenant_id = $1 and phase_key = 'survey' and kind in ('task', 'case-task')`,
      [tenantId],
    );
    expect(survey.done).toBe(1);
    const surveyRow = drive.locator('tbody tr', { hasText: '摸底阶段' }).first();
    const cells = await surveyRow.locator('td').allInnerTexts();
    expect(cells[2].trim()).toBe(`${survey.done}/${survey.total}`);
    // 按组查看: the village of the worked item shows it done in 摸底阶段.
    const [inVillage] = await ownerQuery<{ done: number; total: number }>(
      e2e.api,
      `select sum(i.done_quantity)::int as done, sum(i.quantity)::int as total from drive_items i
         join cases c on c.tenant_id = i.tenant_id and c.id = i.case_id
         join debtor_group_members m on m.tenant_id = c.tenant_id and m.debtor_id = c.debtor_id
         join debtor_groups g on g.tenant_id = m.tenant_id and g.id = m.group_id
        where i.tenant_id = $1 and i.phase_key = 'survey' and i.kind = 'case-task'
          and g.type = 'village' and g.name = $2`,
      [tenantId, item.village],
    );
    expect(inVillage.done).toBe(1);
    await drive.locator('summary', { hasText: '按组查看' }).click();
    const villageRow = drive.locator('details tbody tr', {
      has: page.locator('th', { hasText: new RegExp(`^${item.village}$`) }),
    });
    const first = (await villageRow.locator('td').first().innerText()).trim();
    expect(first).toBe(`${inVillage.done}/${inVillage.total} · ¥0.00`);
    await readsChinese(page);
    await shot(page, 'coop-dashboard');
  });

  it('the office runs 不良贷款统计表 and it lists the imported loans by village, classes in words', async () => {
    const page = await e2e.newPage();
    await logIn(page, e2e.users.get('xys.office')!);
    await page.goto('/console/reports');
    const report = page.locator('li.report[data-report="npl-statistics"]');
    await report.getByText('不良贷款统计表').waitFor();
    await report.getByLabel('格式').selectOption('html');
    await report.getByRole('button', { name: '生成' }).click();
    await page.getByText('报表已生成').first().waitFor();
    const run = page.locator('#reports-main tr.is-new');
    const href = await run.getByRole('link', { name: '下载' }).getAttribute('href');
    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    const html = (await response.body()).toString('utf8');
    expect(leaksIn(textOf(html))).toEqual([]);
    expect(html).toContain('<h1>不良贷款统计表</h1>');
    // The imported loan, in its village, at the balance the file gave, written as amounts.
    // The debtors' rows (the 合计 row under them adds up the amounts).
    const rows = [...html.matchAll(/<tr>(.*?)<\/tr>/gs)]
      .map((m) => [...m[1].matchAll(/<td[^>]*>(.*?)<\/td>/gs)].map((c) => c[1]))
      .filter((r) => r[0] !== '合计');
    const lin = rows.find((r) => r.includes('NX200900000'));
    expect(lin).toBeDefined();
    expect(lin!.slice(0, 6)).toEqual([
      '林勇',
      '150221********9652',
      'NX200900000',
      '前营村',
      '20,000.00',
      '8,707.42',
    ]);
    // 五级分类 in words (the list holds the three bad classes only), never a code.
    const classes = new Set(rows.filter((r) => r.length === 10).map((r) => r[6]));
    expect([...classes].every((c) => ['次级', '可疑', '损失'].includes(c))).toBe(true);
    expect(classes.size).toBeGreaterThan(0);
    const listed = rows.filter((r) => r.length === 10 && r[2].startsWith('NX20')).length;
    const [bad] = await ownerQuery<{ n: number }>(
      e2e.api,
      `select count(*)::int as n from accounts a
         join account_balances b on b.tenant_id = a.tenant_id and b.account_id = a.id
        where a.tenant_id = $1 and a.external_ref like 'NX20%'
          and b.loan_class in ('substandard', 'doubtful', 'loss')`,
      [tenantId],
    );
    expect(listed).toBe(bad.n);
    await readsChinese(page);
    await shot(page, 'coop-reports');
  });
});
