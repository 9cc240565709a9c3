import { Decimal } from 'decimal.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { amountInWords } from '../../libs/ledger/src';
import { ownerQuery } from '../collection/support/fixtures';
import { EngineWorker, startEngineWorker } from '../engine/support/engine-worker';
import { login } from '../support/test-app';
import {
  ConsoleE2e,
  describeInBrowser,
  keepScreenshot,
  logIn,
  startConsoleE2e,
} from './support/console-e2e';

const TODAY = '2026-03-11';

/** SCREENSHOTS=1 keeps it for the docs; otherwise it goes to the OS temp dir, never the tree. */
async function shot(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOTS === '1') return keepScreenshot(page, name);
  await page.screenshot({ path: join(tmpdir(), `qingshou-e2e-${name}.png`), fullPage: true });
}

/** ¥-less money as letters print it: 80,000.00. */
const printed = (amount: Decimal) => amount.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * Issue 12 part 3, the person's path in the console: 篇五's leasing clerk (销售内勤) issues the
 * pack's letters from the case page. The 律师函 is held for the pack's legal-referral approval
 * (转法务起诉) until the manager grants it on the supervisor page; the engine then issues it
 * with the ledger's balance. The 到访回执单, which the pack gates on nothing, is issued at once
 * and opens on the notice page with its amount in figures and in capitals.
 */
describeInBrowser('the leasing clerk issues the pack’s letters from the case page', () => {
  let e2e: ConsoleE2e;
  let worker: EngineWorker;
  let tenantId: string;
  let caseId: string;
  let otherCaseId: string;
  let clerkToken: string;
  let page: Page;

  /** What the ledger says the case owes as of the letter's date (GET /accounts/:id/balance). */
  const ledger = async (id: string) => {
    const accounts = await ownerQuery<{ account_id: string }>(
      e2e.api,
      `select account_id from case_accounts where case_id = $1`,
      [id],
    );
    let totalDue = new Decimal(0);
    let overdue = new Decimal(0);
    for (const { account_id } of accounts) {
      const balance = await e2e.api
        .http()
        .get(`/api/v1/accounts/${account_id}/balance?asOf=${TODAY}`)
        .set('Authorization', `Bearer ${clerkToken}`)
        .expect(200);
      totalDue = totalDue.plus(balance.body.totalDue);
      overdue = overdue.plus(balance.body.overduePrincipal).plus(balance.body.overdueInterest);
    }
    return { totalDue, overdue };
  };
  const counts = async (id: string) =>
    (
      await ownerQuery<{ notices: number; approvals: number; holds: number }>(
        e2e.api,
        `select (select count(*)::int from notices where case_id = $1) as notices,
                (select count(*)::int from approvals where case_id = $1) as approvals,
                (select count(*)::int from engine_notice_holds where case_id = $1) as holds`,
        [id],
      )
    )[0];

  beforeAll(async () => {
    e2e = await startConsoleE2e(['demo-leasing']);
    worker = await startEngineWorker(e2e.api);
    [{ id: tenantId }] = await ownerQuery<{ id: string }>(
      e2e.api,
      `select id from tenants where slug = 'demo-leasing'`,
    );
    // Open cases with no letter and no legal referral yet (the demo's debtor cases carry
    // several accounts, and the nightly run has asked for reconciliations and visit plans).
    const cases = await ownerQuery<{ id: string }>(
      e2e.api,
      `select c.id from cases c
        where c.tenant_id = $1 and c.closed_on is null
          and exists (select 1 from case_accounts ca where ca.case_id = c.id)
          and not exists (select 1 from approvals a
                          where a.case_id = c.id and a.kind = 'legal-referral')
          and not exists (select 1 from engine_notice_holds h
                          where h.case_id = c.id and h.template = 'lawyer-letter')
          and not exists (select 1 from notices n where n.case_id = c.id)
        order by c.id limit 2`,
      [tenantId],
    );
    expect(cases).toHaveLength(2);
    [caseId, otherCaseId] = cases.map((c) => c.id);
    clerkToken = await login(e2e.api, 'demo-leasing', 'zl.clerk');
    page = await e2e.newPage();
    await logIn(page, e2e.users.get('zl.clerk')!);
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await e2e?.close();
  });

  it('offers the pinned pack’s letters by their Chinese titles, dated today, and names the approval a gated one waits for', async () => {
    await page.goto(`/console/cases/${caseId}`);
    const panel = page.locator('#case-letter');
    await panel.getByRole('heading', { name: '开具通知书' }).waitFor();
    const select = panel.getByLabel('通知书');
    const labels = (await select.locator('option').allInnerTexts()).map((t) => t.trim());
    expect([...labels].sort()).toEqual(
      ['催款函', '到访回执单', '对账单', '律师函', '最后催收通知单'].sort(),
    );
    expect(await panel.getByLabel('落款日期').inputValue()).toBe(TODAY);
    await select.selectOption({ label: '律师函' });
    await panel.getByText('开具须经“转法务起诉”审批，批准后方可发出。').waitFor();
    expect(await panel.innerText()).not.toMatch(/lawyer-letter|legal-referral/);
  });

  it('a letter dated after today is refused at the date field in Chinese, and nothing is written', async () => {
    const before = await counts(caseId);
    const panel = page.locator('#case-letter');
    await panel.getByLabel('落款日期').fill('2026-03-12');
    await panel.getByRole('button', { name: '开具' }).click();
    const error = page.locator('#letter-letterDate-error');
    await error.waitFor();
    expect(await error.innerText()).toContain('不得晚于今天（2026-03-11）');
    const date = page.locator('#letter-letterDate');
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    expect(await date.getAttribute('aria-describedby')).toContain('letter-letterDate-error');
    // The template chosen stays chosen.
    expect(await panel.getByLabel('通知书').locator('option:checked').innerText()).toBe('律师函');
    expect(await counts(caseId)).toEqual(before);
  });

  it('预览 shows the 律师函 with the ledger’s balance as of today, storing nothing', async () => {
    const before = await counts(caseId);
    const { totalDue } = await ledger(caseId);
    expect(totalDue.gt(0)).toBe(true);
    const panel = page.locator('#case-letter');
    await panel.getByLabel('落款日期').fill(TODAY);
    await panel.getByRole('button', { name: '预览' }).click();
    await panel.getByText(`预览：《律师函》（落款 ${TODAY}）`).waitFor();
    const letter = page.frameLocator('#letter-preview-frame').locator('body');
    await letter.getByText('特此函告').waitFor();
    expect(await letter.innerText()).toContain(
      `人民币${printed(totalDue)}元（大写：${amountInWords(totalDue.toFixed(2))}）`,
    );
    expect(await counts(caseId)).toEqual(before);
    await shot(page, 'case-letter-preview');
  });

  it('开具 holds the 律师函 for 转法务起诉 and says so in Chinese; no letter exists yet', async () => {
    const before = await counts(caseId);
    const panel = page.locator('#case-letter');
    await panel.getByRole('button', { name: '开具' }).click();
    const held = panel.locator('.held-box[role="status"]');
    await held.waitFor();
    expect(await held.innerText()).toContain('《律师函》已提交“转法务起诉”审批，待批准后开具。');
    const approvals = await ownerQuery(
      e2e.api,
      `select kind, approver_role, requested_by, status from approvals
        where case_id = $1 and kind = 'legal-referral'`,
      [caseId],
    );
    expect(approvals).toEqual([
      {
        kind: 'legal-referral',
        approver_role: 'manager',
        requested_by: e2e.users.get('zl.clerk')!.userId,
        status: 'pending',
      },
    ]);
    // One approval and one hold more; no letter before the grant.
    expect(await counts(caseId)).toEqual({
      notices: 0,
      approvals: before.approvals + 1,
      holds: before.holds + 1,
    });
    await shot(page, 'case-letter-held');
  });

  it('the manager grants it on the supervisor page → the engine issues the letter with the ledger’s balance', async () => {
    const manager = await e2e.newPage();
    await logIn(manager, e2e.users.get('zl.manager')!);
    await manager.goto('/console/supervisor');
    const item = manager
      .locator(`.approval:has(a[href="/console/cases/${caseId}"])`)
      .filter({ hasText: '转法务起诉' });
    await item.waitFor();
    expect(await item.innerText()).toContain('转法务起诉');
    await item.getByLabel('审批意见').fill('同意移交法务并发律师函');
    await item.getByRole('button', { name: '批准' }).click();
    await manager.getByText('已批准。').waitFor();

    // The worker's part: the approval's event reaches the engine's notice gates.
    const events = await worker.take(tenantId, ['ApprovalDecided']);
    const issued = [];
    for (const event of events) issued.push((await worker.deliver(event)).gates);
    expect(issued.reduce((n, g) => n + (g?.issued ?? 0), 0)).toBe(1);

    const [notice] = await ownerQuery<{ id: string; template_id: string; status: string }>(
      e2e.api,
      `select id, template_id, status from notices where case_id = $1`,
      [caseId],
    );
    expect(notice).toMatchObject({
      template_id: 'leasing-dealer-arrears/lawyer-letter',
      status: 'draft',
    });
    const { totalDue } = await ledger(caseId);
    await page.goto('/console/notices');
    await page.locator(`a[href="/console/notices/${notice.id}"]`).first().waitFor();
    await page.goto(`/console/notices/${notice.id}`);
    await page.getByRole('heading', { name: '律师函' }).waitFor();
    const letter = page.frameLocator('#letter-frame').locator('body');
    await letter.getByText('特此函告').waitFor();
    expect(await letter.innerText()).toContain(
      `人民币${printed(totalDue)}元（大写：${amountInWords(totalDue.toFixed(2))}）`,
    );
  });

  it('a letter the pack gates on nothing (到访回执单) is issued at once and opens on its notice page', async () => {
    const { overdue } = await ledger(otherCaseId);
    expect(overdue.gt(0)).toBe(true);
    await page.goto(`/console/cases/${otherCaseId}`);
    const panel = page.locator('#case-letter');
    // Choosing a letter swaps the section (htmx GET …/letter); wait for that answer and the
    // swap, so the click below submits the chosen template, not the one shown before.
    await Promise.all([
      page.waitForResponse(
        (r) => r.url().includes(`/console/cases/${otherCaseId}/letter`) && r.status() === 200,
      ),
      panel.getByLabel('通知书').selectOption({ label: '到访回执单' }),
    ]);
    // The fragment swapped in for the chosen template names no approval.
    await page.waitForFunction("document.querySelectorAll('#case-letter .gate').length === 0");
    await panel.getByRole('button', { name: '开具' }).waitFor();
    expect(await panel.locator('.gate').count()).toBe(0);
    await Promise.all([
      page.waitForURL(/\/console\/notices\/[0-9a-f-]{36}$/),
      panel.getByRole('button', { name: '开具' }).click(),
    ]);
    await page.getByText('通知书已开具。').waitFor();
    await page.getByRole('heading', { name: '到访回执单' }).waitFor();
    const letter = page.frameLocator('#letter-frame').locator('body');
    await letter.getByText('回执').first().waitFor();
    expect(await letter.innerText()).toContain(
      `人民币${printed(overdue)}元（大写：${amountInWords(overdue.toFixed(2))}）`,
    );
    const rows = await ownerQuery<{ template_id: string }>(
      e2e.api,
      `select template_id from notices where case_id = $1`,
      [otherCaseId],
    );
    expect(rows).toEqual([{ template_id: 'leasing-dealer-arrears/visit-receipt' }]);
    await shot(page, 'case-letter-issued');
  });
});
