import { Decimal } from 'decimal.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ownerQuery } from '../collection/support/fixtures';
import { EngineWorker, startEngineWorker } from '../engine/support/engine-worker';
import {
  ConsoleE2e,
  describeInBrowser,
  keepScreenshot,
  logIn,
  startConsoleE2e,
} from './support/console-e2e';

/** SCREENSHOTS=1 keeps it for the docs; otherwise it goes to the OS temp dir, never the tree. */
async function shot(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOTS === '1') return keepScreenshot(page, name);
  await page.screenshot({ path: join(tmpdir(), `qingshou-e2e-${name}.png`), fullPage: true });
}

/** ¥1,234.56 as the console prints money. */
const yuan = (amount: Decimal) => `¥${amount.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;

/**
 * Issue 11 §5, every approver's room: 篇五's 销售财务 reconciles the receivables (对账) in the
 * 审批 inbox and the 催款函 the pack held behind it is issued; the same finance user records
 * a repayment in the 财务 room and the case owes exactly that much less; the microloan's
 * 法务 decides a legal referral a 信贷员 asked for with its amount, and a waiver above the
 * amount due is refused at its field.
 */
describeInBrowser('approvals inbox and the finance room', () => {
  let e2e: ConsoleE2e;
  let worker: EngineWorker;
  let leasingId: string;

  const dueOf = async (caseId: string) => {
    const [row] = await ownerQuery<{ due: string }>(
      e2e.api,
      `select coalesce(sum(ab.total_due), 0)::text as due from case_accounts ca
         join account_balances ab on ab.tenant_id = ca.tenant_id and ab.account_id = ca.account_id
        where ca.case_id = $1`,
      [caseId],
    );
    return new Decimal(row.due);
  };

  beforeAll(async () => {
    e2e = await startConsoleE2e(['demo-leasing', 'demo-microloan'], { size: 60, kpiDays: 1 });
    worker = await startEngineWorker(e2e.api);
    [{ id: leasingId }] = await ownerQuery<{ id: string }>(
      e2e.api,
      `select id from tenants where slug = 'demo-leasing'`,
    );
  }, 180_000);
  afterAll(async () => {
    await worker?.close();
    await e2e?.close();
  });

  it('leasing finance sees the 对账 gate with debtor, DPD and amount, approves it, and the held 催款函 is issued', async () => {
    const [held] = await ownerQuery<{ approval_id: string; case_id: string; debtor: string }>(
      e2e.api,
      `select h.approval_id, h.case_id, d.name as debtor
         from engine_notice_holds h
         join approvals a on a.tenant_id = h.tenant_id and a.id = h.approval_id
         join cases c on c.tenant_id = h.tenant_id and c.id = h.case_id
         join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
        where h.tenant_id = $1 and h.template = 'demand-letter' and h.status = 'held'
          and a.kind = 'ar-reconciliation' and a.status = 'pending'
          -- Still overdue: a letter whose arrears were paid while held is cancelled, not sent.
          and exists (select 1 from case_accounts ca
                        join account_balances ab
                          on ab.tenant_id = ca.tenant_id and ab.account_id = ca.account_id
                       where ca.tenant_id = h.tenant_id and ca.case_id = h.case_id and ab.dpd > 0)
        order by h.case_id limit 1`,
      [leasingId],
    );
    expect(held).toBeDefined();
    const due = await dueOf(held.case_id);
    const page = await e2e.newPage();
    await logIn(page, e2e.users.get('zl.finance')!);
    await page.getByRole('link', { name: '审批', exact: true }).click();
    await page.waitForURL('**/console/approvals');
    const item = page.locator(`.approval[data-approval="${held.approval_id}"]`);
    await item.waitFor();
    const text = await item.innerText();
    expect(text).toContain('应收账款与销售财务核对');
    expect(text).toContain(held.debtor);
    expect(text).toContain(yuan(due));
    expect(text).toContain('逾期天数');
    expect(text).toContain('催收方案自动发起');
    expect(text).toContain('待发通知书');
    expect(text).toContain('催款函');
    // Never the raw payload, the pack's id or the English log line.
    expect(text).not.toMatch(/policy-engine|leasing-dealer-arrears|demand-letter|asOf|waits for/);
    // Only what finance decides: no legal referral or visit plan in finance's inbox.
    const kinds = await page.locator('.approval-kind').allInnerTexts();
    expect(new Set(kinds)).toEqual(new Set(['应收账款与销售财务核对']));
    await shot(page, 'approvals-inbox-finance');

    // A rejection needs its reason: the note field says so, nothing changes.
    await item.getByRole('button', { name: '驳回' }).click();
    await page.locator(`#note-${held.approval_id}-error`).waitFor();
    expect(await page.locator(`#note-${held.approval_id}-error`).innerText()).toBe(
      '驳回时请写明理由，申请人据此补正',
    );
    const still = await ownerQuery<{ status: string }>(
      e2e.api,
      `select status from approvals where id = $1`,
      [held.approval_id],
    );
    expect(still).toEqual([{ status: 'pending' }]);

    const again = page.locator(`.approval[data-approval="${held.approval_id}"]`);
    await again.getByLabel('审批意见').fill('已与销售财务核对一致');
    await again.getByRole('button', { name: '批准' }).click();
    await page.getByText('已批准。').waitFor();
    expect(await page.locator(`.approval[data-approval="${held.approval_id}"]`).count()).toBe(0);

    const [decided] = await ownerQuery<{ status: string; decided_by: string; note: string }>(
      e2e.api,
      `select status, decided_by, decision_note as note from approvals where id = $1`,
      [held.approval_id],
    );
    expect(decided).toEqual({
      status: 'approved',
      decided_by: e2e.users.get('zl.finance')!.userId,
      note: '已与销售财务核对一致',
    });
    // The worker's part: the decision reaches the notice gates, which issue the held letter.
    for (const event of await worker.take(leasingId, ['ApprovalDecided'])) {
      await worker.deliver(event);
    }
    const notices = await ownerQuery<{ template_id: string }>(
      e2e.api,
      `select template_id from notices where case_id = $1 and template_id like '%/demand-letter'`,
      [held.case_id],
    );
    expect(notices).toEqual([{ template_id: 'leasing-dealer-arrears/demand-letter' }]);

    await page.getByRole('link', { name: '已处理' }).click();
    const done = page.locator(`.approval[data-approval="${held.approval_id}"]`);
    await done.waitFor();
    expect(await done.innerText()).toContain('已与销售财务核对一致');
  });

  it('finance records a repayment found by contract number; the case owes that much less, to the fen', async () => {
    const [account] = await ownerQuery<{ ref: string; case_id: string; due: string }>(
      e2e.api,
      `select ac.external_ref as ref, ca.case_id, ab.total_due::text as due
         from accounts ac
         join case_accounts ca on ca.tenant_id = ac.tenant_id and ca.account_id = ac.id
         join cases c on c.tenant_id = ca.tenant_id and c.id = ca.case_id and c.closed_on is null
         join account_balances ab on ab.tenant_id = ac.tenant_id and ab.account_id = ac.id
        where ac.tenant_id = $1 and ab.total_due > 2000
        order by ac.external_ref limit 1`,
      [leasingId],
    );
    const before = await dueOf(account.case_id);
    const page = await e2e.newPage();
    await logIn(page, e2e.users.get('zl.finance')!);
    await page.goto('/console/finance');
    await page.getByLabel('合同号或客户姓名').fill(account.ref);
    await page.getByRole('button', { name: '查找' }).click();
    const hit = page.locator('table.hits tbody tr').filter({ hasText: account.ref });
    await hit.getByRole('link', { name: '登记还款' }).click();
    const form = page.locator('#payment-form');
    await form.waitFor();
    expect(await form.getByLabel('还款日期').inputValue()).toBe('2026-03-11');

    // Bad input: a future date and an amount with three decimals, refused at each field.
    await form.getByLabel('金额（元）').fill('1234.567');
    await form.getByLabel('还款日期').fill('2026-03-12');
    await form.getByLabel('收据号/流水号').fill('HK-20260311-001');
    await form.getByRole('button', { name: '登记' }).click();
    await page.locator('#payment-amount-error').waitFor();
    expect(await page.locator('#payment-amount-error').innerText()).toContain(
      '请填写大于零的金额，最多两位小数',
    );
    expect(await page.locator('#payment-paidOn-error').innerText()).toContain(
      '还款日期不能晚于今天（2026-03-11）',
    );
    expect((await dueOf(account.case_id)).toFixed(2)).toBe(before.toFixed(2));

    const form2 = page.locator('#payment-form');
    await form2.getByLabel('金额（元）').fill('1234.56');
    await form2.getByLabel('还款日期').fill('2026-03-11');
    await form2.getByLabel('还款渠道').selectOption({ label: '银行转账' });
    await form2.getByRole('button', { name: '登记' }).click();
    await page.getByText('还款已登记，应还金额已更新。').waitFor();
    const after = await dueOf(account.case_id);
    expect(before.minus(after).toFixed(2)).toBe('1234.56');
    const row = page.locator('table.payments tbody tr').filter({ hasText: 'HK-20260311-001' });
    expect(await row.innerText()).toContain('¥1,234.56');
    expect(await row.innerText()).toContain('银行转账');
    await shot(page, 'finance-room');

    // 冲正 with a reason puts it back.
    await row.locator('summary', { hasText: '冲正' }).click();
    await row.getByLabel('冲正原因').fill('银行退票');
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/reversal')),
      row.getByRole('button', { name: '确认冲正' }).click(),
    ]);
    await page.getByText('已冲正。').waitFor();
    expect((await dueOf(account.case_id)).toFixed(2)).toBe(before.toFixed(2));
  });

  it('a microloan 信贷员 asks for a legal referral with its amount; a waiver above the amount due is refused; 法务 approves the referral', async () => {
    const officer = e2e.users.get('xd.officer1')!;
    const [target] = await ownerQuery<{ id: string }>(
      e2e.api,
      `select c.id from cases c
        where c.assignee_id = $1 and c.closed_on is null
          and exists (select 1 from case_accounts ca join account_balances ab
                        on ab.tenant_id = ca.tenant_id and ab.account_id = ca.account_id
                       where ca.case_id = c.id and ab.total_due > 0)
          and not exists (select 1 from approvals a where a.case_id = c.id and a.status = 'pending')
        order by c.id limit 1`,
      [officer.userId],
    );
    const due = await dueOf(target.id);
    const page = await e2e.newPage();
    await logIn(page, officer);
    await page.goto(`/console/cases/${target.id}`);
    const form = page.locator('#approval-form');
    await form.getByLabel('审批事项').selectOption('waiver');
    // The kind drives the fields: a waiver asks for its amount, not a visit's vehicle.
    await form.getByLabel('减免金额（元）').waitFor();
    expect(await form.getByLabel('车辆').isVisible()).toBe(false);
    await form.getByLabel('减免金额（元）').fill(due.plus('0.01').toFixed(2));
    await form.getByLabel('减免项目').fill('罚息');
    await form.getByLabel('申请理由').fill('借款人家庭困难');
    await form.getByRole('button', { name: '提交审批' }).click();
    const error = page.locator('#approval-amount-error');
    await error.waitFor();
    expect(await error.innerText()).toContain(`减免金额不得超过应还金额 ${yuan(due)}`);
    const none = await ownerQuery(e2e.api, `select id from approvals where case_id = $1`, [
      target.id,
    ]);
    const waivers = await ownerQuery(
      e2e.api,
      `select id from approvals where case_id = $1 and kind = 'waiver'`,
      [target.id],
    );
    expect(waivers).toEqual([]);

    const form2 = page.locator('#approval-form');
    await form2.getByLabel('审批事项').selectOption('legal-referral');
    await form2.getByLabel('诉讼请求金额（元）').fill(due.toFixed(2));
    await form2.getByLabel('申请理由').fill('多次承诺未履行，提请诉讼');
    await form2.getByRole('button', { name: '提交审批' }).click();
    await page.getByText('审批申请已提交。').waitFor();
    const [asked] = await ownerQuery<{ id: string; approver_role: string; payload: object }>(
      e2e.api,
      `select id, approver_role, payload from approvals
        where case_id = $1 and kind = 'legal-referral' and status = 'pending'`,
      [target.id],
    );
    expect(asked.approver_role).toBe('legal');
    expect(asked.payload).toEqual({ claimAmount: due.toFixed(2) });
    expect(
      (await ownerQuery(e2e.api, `select id from approvals where case_id = $1`, [target.id]))
        .length,
    ).toBe(none.length + 1);

    const legal = await e2e.newPage({ width: 390, height: 844 });
    await logIn(legal, e2e.users.get('xd.legal')!);
    await legal.goto('/console/approvals');
    const item = legal.locator(`.approval[data-approval="${asked.id}"]`);
    await item.waitFor();
    const text = await item.innerText();
    expect(text).toContain('诉讼请求金额');
    expect(text).toContain(yuan(due));
    expect(text).toContain('多次承诺未履行，提请诉讼');
    expect(text).toContain('信贷员');
    // On a phone the inbox does not scroll sideways.
    expect(await legal.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(
      true,
    );
    await shot(legal, 'approvals-inbox-legal-phone');
    await item.getByLabel('审批意见').fill('同意起诉');
    await item.getByRole('button', { name: '批准' }).click();
    await legal.getByText('已批准。').waitFor();
    const [decided] = await ownerQuery<{ status: string }>(
      e2e.api,
      `select status from approvals where id = $1`,
      [asked.id],
    );
    expect(decided.status).toBe('approved');
  });
});
