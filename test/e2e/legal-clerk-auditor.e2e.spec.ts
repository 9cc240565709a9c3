import { createHash, randomUUID } from 'node:crypto';
import { DecideApproval, FileStorage, RequestApproval } from '../../libs/collection/src';
import { systemMeta } from '../../libs/core/src';
import { connect } from '../support/test-db';
import {
  ConsoleE2e,
  describeInBrowser,
  keepScreenshot,
  logIn,
  startConsoleE2e,
} from './support/console-e2e';

/** Rows as the database owner sees them (no tenant scope), for checking what a page saved. */
async function ownerRows<T extends Record<string, unknown>>(
  e2e: ConsoleE2e,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const owner = await connect(e2e.api.db.ownerUrl);
  try {
    return (await owner.query<T>(sql, params)).rows;
  } finally {
    await owner.end();
  }
}

const meta = (tenantId: string, actorId = 'e2e-setup') =>
  systemMeta({ tenantId, actorId, correlationId: `e2e-${Math.random().toString(36).slice(2)}` });

describeInBrowser('issue 11 §5: the legal, clerk and auditor rooms', () => {
  let e2e: ConsoleE2e;
  let legalCaseId: string;
  let debtorName: string;

  beforeAll(async () => {
    e2e = await startConsoleE2e(['demo-microloan', 'demo-leasing'], 40);
    // 篇五 第十三条 7: filing follows an approved legal referral (manager asks, legal approves).
    const [row] = await ownerRows<{ id: string; tenant_id: string; name: string }>(
      e2e,
      `select c.id, c.tenant_id, d.name from cases c
         join tenants t on t.id = c.tenant_id and t.slug = 'demo-microloan'
         join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
        where c.closed_on is null and c.status <> 'paused'
        order by c.id limit 1`,
    );
    legalCaseId = row.id;
    debtorName = row.name;
    const referral = await e2e.api.commands.execute(
      new RequestApproval(meta(row.tenant_id), {
        caseId: row.id,
        kind: 'legal-referral',
        reason: '多次承诺未兑现',
      }),
    );
    await e2e.api.commands.execute(
      new DecideApproval(
        {
          tenantId: row.tenant_id,
          actorId: e2e.users.get('xd.legal')!.userId,
          roles: ['legal'],
          correlationId: 'e2e-referral',
        },
        referral.id,
        'approved',
        '同意起诉',
      ),
    );
    // 篇八 全程录音: one call of the leasing collector with its recording, stored as LogContact
    // stores one (bytes in the attachment storage, the rows beside them).
    const sales = e2e.users.get('zl.sales1')!;
    const [call] = await ownerRows<{ id: string; tenant_id: string }>(
      e2e,
      `select c.id, c.tenant_id from cases c join tenants t on t.id = c.tenant_id
        where t.slug = 'demo-leasing' and c.closed_on is null order by c.id limit 1`,
    );
    const audio = Buffer.alloc(2048, 1);
    const attachmentId = randomUUID();
    const key = `${call.tenant_id}/cases/${call.id}/${attachmentId}`;
    await e2e.api.app.get(FileStorage).put(key, audio);
    await ownerRows(
      e2e,
      `insert into attachments (tenant_id, id, storage_key, sha256, size_bytes, content_type,
         original_name, uploaded_by, uploaded_at)
       values ($1, $2, $3, $4, 2048, 'audio/mpeg', 'call-0311.mp3', $5, now())`,
      [
        call.tenant_id,
        attachmentId,
        key,
        createHash('sha256').update(audio).digest('hex'),
        sales.userId,
      ],
    );
    await ownerRows(
      e2e,
      `insert into contact_attempts (tenant_id, id, case_id, channel, party, outcome_code,
         attempted_at, recorded_by, recorded_at, attachment_id)
       values ($1, $2, $3, 'call', 'debtor', 'no-answer', '2026-03-11T01:30:00Z', $4, now(), $5)`,
      [call.tenant_id, randomUUID(), call.id, sales.userId, attachmentId],
    );
  }, 180_000);
  afterAll(async () => {
    await e2e?.close();
  });

  it('legal lands on its matters, files (court, 案号, 诉讼费, 起诉状), records the judgment and 以物抵债', async () => {
    const page = await e2e.newPage();
    await logIn(page, e2e.users.get('xd.legal')!);
    expect(new URL(page.url()).pathname).toBe('/console/legal');
    await page.getByRole('link', { name: debtorName }).click();
    await page.waitForURL(`**/console/legal/${legalCaseId}`);
    await page.getByText('法务移交已批准，尚未立案').waitFor();

    const form = page.locator('#step-form');
    await form.getByLabel('进展').selectOption('filing');
    await form.getByLabel('日期').fill('2026-03-10');
    await form.getByLabel('法院').fill('杭州市拱墅区人民法院');
    await form.getByLabel('案号').fill('(2026)浙0105民初1234号');
    await form.getByLabel('金额', { exact: true }).fill('52000');
    await form.getByLabel('费用类别').selectOption('court-fee');
    await form.getByLabel('费用金额').fill('1250.00');
    await form.getByLabel('文书').setInputFiles({
      name: '起诉状.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 起诉状'),
    });
    await form.getByRole('button', { name: '登记进展' }).click();
    await page.getByText('诉讼进展已登记。').waitFor();
    await page.locator('#legal-steps').getByText('诉讼标的 ¥52,000.00').waitFor();
    await page.locator('#legal-steps').getByRole('link', { name: '起诉状.pdf' }).waitFor();

    // Bad input: a judgment amount of words is refused at the field, nothing saved.
    const again = page.locator('#step-form');
    await again.getByLabel('进展').selectOption('judgment');
    await again.getByLabel('金额', { exact: true }).fill('四万八');
    await again.getByRole('button', { name: '登记进展' }).click();
    await page.getByText('请填写金额，如 1250 或 1250.50。').waitFor();

    const judged = page.locator('#step-form');
    await judged.getByLabel('进展').selectOption('judgment');
    await judged.getByLabel('日期').fill('2026-03-11');
    await judged.getByLabel('金额', { exact: true }).fill('48000.00');
    await judged.getByRole('button', { name: '登记进展' }).click();
    await page.locator('#legal-steps').getByText('判决金额 ¥48,000.00').waitFor();
    await keepScreenshot(page, 'legal-matter');
    // 以物抵债 (篇五): the asset and its appraisal, recorded on the matter page.
    const settle = page.locator('#settlement-form');
    await settle.getByLabel('抵债资产').fill('东方红LX904拖拉机一台');
    await settle.getByLabel('评估价值').fill('86000');
    await settle.getByLabel('评估日期').fill('2026-03-09');
    await settle.getByRole('button', { name: '登记以物抵债' }).click();
    await page.getByText('以物抵债已登记。').waitFor();
    const settlements = await ownerRows<{ asset: string; value: string }>(
      e2e,
      `select asset, appraisal_value::text as value from settlements_in_kind where case_id = $1`,
      [legalCaseId],
    );
    expect(settlements).toEqual([{ asset: '东方红LX904拖拉机一台', value: '86000.00' }]);

    // On a phone (390×844) the matter page does not scroll sideways.
    const phone = await e2e.newPage({ width: 390, height: 844 });
    await logIn(phone, e2e.users.get('xd.legal')!);
    await phone.goto(`/console/legal/${legalCaseId}`);
    expect(await phone.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(
      true,
    );
    await keepScreenshot(phone, 'legal-matter-phone');

    const steps = await ownerRows<{ step: string; amount: string | null; doc: string | null }>(
      e2e,
      `select e.step, e.amount::text as amount, a.original_name as doc
         from legal_events e join legal_matters m on m.tenant_id = e.tenant_id and m.id = e.legal_matter_id
         left join attachments a on a.tenant_id = e.tenant_id and a.id = e.attachment_id
        where m.case_id = $1 order by e.occurred_on`,
      [legalCaseId],
    );
    expect(steps).toEqual([
      { step: 'filing', amount: '52000.00', doc: '起诉状.pdf' },
      { step: 'judgment', amount: '48000.00', doc: null },
    ]);
    const [matter] = await ownerRows<{ court: string; court_case_number: string }>(
      e2e,
      `select court, court_case_number from legal_matters where case_id = $1`,
      [legalCaseId],
    );
    expect(matter).toEqual({
      court: '杭州市拱墅区人民法院',
      court_case_number: '(2026)浙0105民初1234号',
    });
    const costs = await ownerRows<{ category: string; amount: string }>(
      e2e,
      `select category, amount::text as amount from case_costs where case_id = $1`,
      [legalCaseId],
    );
    expect(costs).toEqual([{ category: 'court-fee', amount: '1250.00' }]);

    // The document comes back as uploaded.
    const href = await page
      .locator('#legal-steps')
      .getByRole('link', { name: '起诉状.pdf' })
      .getAttribute('href');
    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    expect((await response.body()).toString()).toBe('%PDF-1.4 起诉状');
  });

  it('the clerk opens 报表 and the recordings archive and downloads the call', async () => {
    const page = await e2e.newPage();
    await logIn(page, e2e.users.get('zl.clerk')!);
    const nav = page.getByRole('navigation', { name: '主导航' });
    await nav.getByRole('link', { name: '报表' }).click();
    await page.waitForURL('**/console/reports');
    await nav.getByRole('link', { name: '录音档案' }).click();
    await page.waitForURL('**/console/recordings');
    await page.getByText('共 1 条录音。').waitFor();
    const row = page.locator('table tbody tr').first();
    expect(await row.innerText()).toContain('业务员张磊');
    expect(await row.innerText()).toContain('2.0 KB');
    expect(await row.innerText()).toContain('待归档');
    await keepScreenshot(page, 'recordings');
    const href = await row.getByRole('link', { name: '下载' }).getAttribute('href');
    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    expect((await response.body()).length).toBe(2048);
    // A page the clerk may not open says so in Chinese, naming no role codes.
    const refused = await page.goto('/console/audit');
    expect(refused?.status()).toBe(403);
    const words = await page.locator('main').innerText();
    expect(words).toContain('无权访问');
    expect(words).not.toMatch(/[A-Za-z]{3,}/);
    // No tab of the admin pages leads to a 403 (催收方案 and 用户 are not the clerk's).
    await page.goto('/console/admin/imports');
    expect(await page.locator('.section-nav a').allInnerTexts()).toEqual(['导入']);
  });

  it('the auditor reads a case with no forms, and 校验 verifies the audit chain', async () => {
    const page = await e2e.newPage();
    await logIn(page, e2e.users.get('zl.audit')!);
    const [one] = await ownerRows<{ id: string }>(
      e2e,
      `select c.id from cases c join tenants t on t.id = c.tenant_id
        where t.slug = 'demo-leasing' order by c.id limit 1`,
    );
    await page.goto(`/console/cases/${one.id}`);
    expect(await page.locator('main form').count()).toBe(0);

    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: '审计日志' })
      .click();
    await page.waitForURL('**/console/audit');
    const [{ count }] = await ownerRows<{ count: string }>(
      e2e,
      `select count(*) from event_log e join tenants t on t.id = e.tenant_id where t.slug = 'demo-leasing'`,
    );
    await page.getByText(`共 ${count} 条`).waitFor();
    await page.getByRole('button', { name: '校验' }).click();
    await page.getByText(`共 ${count} 条记录，哈希链完整，未发现篡改。`).waitFor();
    await keepScreenshot(page, 'audit-log');
    // The filter by action, in Chinese: the most frequent action of the log.
    const [top] = await ownerRows<{ type: string; n: string }>(
      e2e,
      `select e.type, count(*) as n from event_log e join tenants t on t.id = e.tenant_id
        where t.slug = 'demo-leasing' group by e.type order by count(*) desc, e.type limit 1`,
    );
    await page.getByLabel('操作类型').selectOption(top.type);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText(`共 ${top.n} 条`, { exact: true }).waitFor();
    const label = await page.locator('#audit-type option:checked').innerText();
    expect(label).not.toMatch(/[A-Za-z]/);
  });
});
