import { CommandBus } from '@nestjs/cqrs';
import { systemMeta } from '../../libs/core/src';
import { ExecuteRun, RequestRun, type RunView } from '../../libs/operations/src';
import { ownerQuery } from '../collection/support/fixtures';
import { EngineWorker, startEngineWorker } from '../engine/support/engine-worker';
import { ConsoleE2e, describeInBrowser, logIn, startConsoleE2e } from './support/console-e2e';
import { local, SAMPLES, shot, uploadAndRunImport, yuan } from './support/office-day';
import { leaksIn } from './support/zh-leaks';

const FILE = `${SAMPLES}/leasing-dealer-receivables.csv`;

jest.setTimeout(180_000);

/**
 * 篇一/篇五, the leasing sales office's day "from the file to the report": the 销售内勤
 * imports the dealer receivables; the night run opens the overdue dealers' cases; the 销售部
 * 经理 hands one to 业务员张磊, who calls (推诿) and asks for a 上门催收方案; the manager
 * (the EVP's approval) approves it; the visit brings back a written repayment commitment;
 * 销售财务 reconciles the receivables and the held 催款函 is issued; on Friday the clerk runs
 * 每周五催收情况报告 and it lists the call and the visit.
 */
describeInBrowser(
  'office day, leasing (篇一/篇五): from the dealer file to the Friday report',
  () => {
    let e2e: ConsoleE2e;
    let worker: EngineWorker;
    let tenantId: string;
    /** The imported dealer the day follows: 冀丰's oldest receivable of the file. */
    let dealer: { case_id: string; name: string; ref: string; due: string; dpd: number };

    const runRules = async () => {
      for (const event of await worker.take(tenantId)) await worker.deliver(event);
    };

    beforeAll(async () => {
      // The day follows the imported file; the demo book is only the office's background.
      e2e = await startConsoleE2e(['demo-leasing'], 12);
      worker = await startEngineWorker(e2e.api);
      [{ id: tenantId }] = await ownerQuery<{ id: string }>(
        e2e.api,
        `select id from tenants where slug = 'demo-leasing'`,
      );
      await worker.take(tenantId); // the demo book's own history is not today's work
    }, 180_000);
    afterAll(async () => {
      await worker?.close();
      await e2e?.close();
    });

    it('the 销售内勤 imports the dealer receivables: 30 rows, no errors', async () => {
      const clerk = e2e.users.get('zl.clerk')!;
      const page = await e2e.newPage();
      await logIn(page, clerk);
      await uploadAndRunImport(e2e, page, {
        tenantId,
        user: clerk,
        role: 'clerk',
        file: FILE,
        type: 'accounts',
        mapping: 'leasing-receivables',
      });
      await page.reload();
      const progress = page.locator('#import-progress');
      await progress.locator('[data-status="succeeded"]').waitFor();
      expect(await progress.innerText()).toContain('30');
      await page.getByText('没有错误行。').waitFor();
      // The batch is named in words: the mapping (经销商应收账款), not its code name.
      const lead = await page.locator('.page-head .lead').innerText();
      expect(lead).toContain('经销商应收账款');
      expect(leaksIn(lead)).toEqual([]);
      await shot(page, 'leasing-import');
      const [counts] = await ownerQuery<{ n: number; owed: string }>(
        e2e.api,
        `select count(*)::int as n, sum(principal)::text as owed from accounts
        where tenant_id = $1 and external_ref like 'ZL-2025-%'`,
        [tenantId],
      );
      expect(counts.n).toBe(30);
    });

    it('the night run opens a case for each dealer already past due; the manager finds one in 案件查询 by its contract and hands it to 张磊', async () => {
      const bus = worker.app.get(CommandBus);
      const meta = systemMeta({ tenantId, actorId: 'scheduler', correlationId: 'e2e-run' });
      const requested = await bus.execute<RequestRun, { run: RunView }>(
        new RequestRun(meta, 'escalation', '2026-03-11', false),
      );
      await bus.execute(new ExecuteRun(meta, requested.run.id));
      await runRules();
      // Six of the thirty receivables fell due before 11 March; the youngest of them (约定付款日
      // 2026-02-24, 15 days) is in 初期催收, where the salesperson plans and calls.
      const opened = await ownerQuery<{
        case_id: string;
        name: string;
        ref: string;
        due: string;
        dpd: number;
        stage: string;
      }>(
        e2e.api,
        `select c.id as case_id, d.name, ac.external_ref as ref, ab.total_due::text as due, ab.dpd,
              c.stage
         from accounts ac
         join debtors d on d.tenant_id = ac.tenant_id and d.id = ac.debtor_id
         join case_accounts ca on ca.tenant_id = ac.tenant_id and ca.account_id = ac.id
         join cases c on c.tenant_id = ca.tenant_id and c.id = ca.case_id and c.closed_on is null
         join account_balances ab on ab.tenant_id = ac.tenant_id and ab.account_id = ac.id
        where ac.tenant_id = $1 and ac.external_ref like 'ZL-2025-%' and ab.dpd > 0
        order by ab.dpd`,
        [tenantId],
      );
      expect(opened.map((o) => o.dpd)).toEqual([15, 30, 34, 46, 50, 62]);
      dealer = opened[0];
      expect(opened[0].stage).toBe('plan');

      const page = await e2e.newPage();
      await logIn(page, e2e.users.get('zl.manager')!);
      await page
        .getByRole('navigation', { name: '主导航' })
        .getByRole('link', { name: '案件查询' })
        .click();
      await page.waitForURL('**/console/cases**');
      await page.getByLabel('搜索').fill(dealer.ref);
      await page.getByRole('button', { name: '查询' }).click();
      await page.locator('#pool-total').getByText('共 1 件').waitFor();
      const row = page.locator(`tbody tr[data-case="${dealer.case_id}"]`);
      const text = await row.innerText();
      expect(text).toContain(dealer.name);
      expect(text).toContain(yuan(dealer.due));
      expect(text).toContain('15');
      await page.locator(`#pick-${dealer.case_id}`).check();
      const bar = page.locator('.pool-bar');
      await bar.getByLabel('分配给').selectOption(e2e.users.get('zl.sales1')!.userId);
      await bar.getByLabel('交接说明').fill('新导入逾期经销商，交张磊制定催收方案');
      await bar.getByRole('button', { name: '分配所选案件' }).click();
      await page.getByText('已分配 1 件案件。').waitFor();
      await shot(page, 'leasing-pool-assigned');
      const [assigned] = await ownerQuery<{ assignee_id: string }>(
        e2e.api,
        `select assignee_id from cases where id = $1`,
        [dealer.case_id],
      );
      expect(assigned.assignee_id).toBe(e2e.users.get('zl.sales1')!.userId);
    });

    it('张磊 calls the dealer (推诿, 资金周转困难) and asks for a 上门催收工作方案', async () => {
      const page = await e2e.newPage();
      await logIn(page, e2e.users.get('zl.sales1')!);
      await page.goto('/console/work');
      await page.locator(`a[href="/console/cases/${dealer.case_id}"]`).first().click();
      await page.waitForURL(`**/console/cases/${dealer.case_id}`);
      await page.getByRole('heading', { name: dealer.name }).first().waitFor();
      // His open tasks by the pack's names (制定初期催收方案), not the platform's kind (审阅).
      const tasks = await page.locator('section[aria-labelledby="tasks-h"]').innerText();
      expect(tasks).toContain('制定初期催收方案');
      expect(tasks).not.toContain('审阅');
      // The receivables file has no phone: he adds the dealer's office number he found himself.
      const panel = page.locator('#case-contacts');
      await panel.getByText('暂无电话。').waitFor();
      await panel.locator('summary', { hasText: '新增电话或地址' }).click();
      await panel.getByLabel('类型').selectOption({ label: '单位电话' });
      await panel.getByLabel('号码或地址').fill('0371-6688 1234');
      await panel.getByLabel('来源').selectOption({ label: '催收员新增' });
      await panel.getByRole('button', { name: '保存' }).click();
      await panel.getByText('已新增联系方式').waitFor();
      await panel.locator('a[href="tel:037166881234"]').waitFor();
      expect(
        await ownerQuery(
          e2e.api,
          `select p.subtype, p.source, p.status from debtor_contact_points p
             join cases c on c.tenant_id = p.tenant_id and c.debtor_id = p.debtor_id
            where c.id = $1 and p.value = '037166881234'`,
          [dealer.case_id],
        ),
      ).toEqual([{ subtype: 'work-phone', source: 'collector', status: 'valid' }]);
      const form = page.locator('#contact-form');
      await form.getByLabel('方式').selectOption('call');
      await form.getByLabel('结果').selectOption('stalling');
      await form.getByLabel('逾期原因').selectOption('cash-flow');
      await form.getByLabel('情况记录').fill('经销商称下游回款慢，推说月底再议');
      await form.getByRole('button', { name: '保存联系记录' }).click();
      await page.getByText('联系记录已保存。').waitFor();
      await page.locator('.timeline').getByText(/推诿/).first().waitFor();

      const plan = page.locator('#approval-form');
      await plan.getByLabel('审批事项').selectOption('visit-plan');
      await plan.getByLabel('外访日期').fill('2026-03-12');
      await plan.getByLabel('地点').fill('经销商门店及仓库');
      await plan.getByLabel('参加人员').fill('张磊，销售部经理');
      await plan.getByLabel('车辆').fill('冀A-66801');
      await plan.getByLabel('申请理由').fill('电话推诿，需上门核对库存并取得书面还款承诺');
      await plan.getByRole('button', { name: '提交审批' }).click();
      await page.getByText('审批申请已提交。').waitFor();
      await page.locator('.timeline').getByText('审批：上门催收方案（待审批）').waitFor();
      await shot(page, 'leasing-call-and-plan');
      expect(leaksIn(await page.locator('main').innerText())).toEqual([]);

      const contacts = await ownerQuery(
        e2e.api,
        `select channel, outcome_code, overdue_reason_code, recorded_by from contact_attempts
        where case_id = $1`,
        [dealer.case_id],
      );
      expect(contacts).toEqual([
        {
          channel: 'call',
          outcome_code: 'stalling',
          overdue_reason_code: 'cash-flow',
          recorded_by: e2e.users.get('zl.sales1')!.userId,
        },
      ]);
      const plans = await ownerQuery(
        e2e.api,
        `select status, approver_role, payload from approvals
        where case_id = $1 and kind = 'visit-plan'`,
        [dealer.case_id],
      );
      expect(plans).toEqual([
        {
          status: 'pending',
          approver_role: 'manager',
          payload: expect.objectContaining({ visitOn: '2026-03-12', vehicle: '冀A-66801' }),
        },
      ]);
    });

    it('the manager (for the 常务副总) approves the plan in 审批, seeing the dealer, amount and DPD', async () => {
      const [plan] = await ownerQuery<{ id: string }>(
        e2e.api,
        `select id from approvals where case_id = $1 and kind = 'visit-plan'`,
        [dealer.case_id],
      );
      const page = await e2e.newPage();
      await logIn(page, e2e.users.get('zl.manager')!);
      await page
        .getByRole('navigation', { name: '主导航' })
        .getByRole('link', { name: '审批', exact: true })
        .click();
      await page.waitForURL('**/console/approvals');
      const item = page.locator(`.approval[data-approval="${plan.id}"]`);
      await item.waitFor();
      const text = await item.innerText();
      expect(text).toContain('上门催收方案');
      expect(text).toContain(dealer.name);
      expect(text).toContain(yuan(dealer.due));
      expect(text).toContain('冀A-66801');
      expect(text).toContain('2026-03-12');
      expect(leaksIn(text)).toEqual([]);
      await shot(page, 'leasing-approvals-manager');
      await item.getByLabel('审批意见').fill('同意，带上对账单');
      await item.getByRole('button', { name: '批准' }).click();
      await page.getByText('已批准。').waitFor();
      const [decided] = await ownerQuery(
        e2e.api,
        `select status, decided_by from approvals where id = $1`,
        [plan.id],
      );
      expect(decided).toEqual({
        status: 'approved',
        decided_by: e2e.users.get('zl.manager')!.userId,
      });
    });

    it('the next day 张磊 logs the visit with the dealer’s written repayment commitment', async () => {
      e2e.api.clock.set(local('2026-03-12', '15:00'));
      const page = await e2e.newPage();
      await logIn(page, e2e.users.get('zl.sales1')!);
      await page.goto(`/console/cases/${dealer.case_id}`);
      const form = page.locator('#contact-form');
      expect(await form.getByLabel('联系时间').inputValue()).toBe('2026-03-12T15:00');
      await form.getByLabel('方式').selectOption('visit');
      await form.getByLabel('结果').selectOption('promised-to-pay');
      await form.getByLabel('逾期原因').selectOption('cash-flow');
      await form.getByLabel('情况记录').fill('上门核对库存，经销商签署书面还款承诺书');
      await form.getByLabel('录音或附件').setInputFiles({
        name: '书面还款承诺书.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4 还款承诺书'),
      });
      await form.getByLabel('承诺金额（元）').fill(dealer.due);
      await form.getByLabel('承诺还款日').fill('2026-03-31');
      await form.getByRole('button', { name: '保存联系记录' }).click();
      await page.getByText('联系记录已保存。').waitFor();
      const timeline = await page.locator('.timeline').innerText();
      expect(timeline).toContain('外访（债务人本人）：承诺还款');
      expect(timeline).toContain('📎 书面还款承诺书.pdf');
      await shot(page, 'leasing-visit-logged');
      const [visit] = await ownerQuery(
        e2e.api,
        `select ct.channel, ct.outcome_code, a.original_name as doc, p.amount::text as amount,
              p.due_on::text as due_on, c.status
         from contact_attempts ct
         join attachments a on a.tenant_id = ct.tenant_id and a.id = ct.attachment_id
         join promises p on p.tenant_id = ct.tenant_id and p.id = ct.promise_id
         join cases c on c.tenant_id = ct.tenant_id and c.id = ct.case_id
        where ct.case_id = $1 and ct.channel = 'visit'`,
        [dealer.case_id],
      );
      expect(visit).toEqual({
        channel: 'visit',
        outcome_code: 'promised-to-pay',
        doc: '书面还款承诺书.pdf',
        amount: dealer.due,
        due_on: '2026-03-31',
        status: 'promised',
      });
    });

    it('the clerk issues the 催款函, held for the reconciliation; 销售财务 approves it and the letter is issued', async () => {
      const clerk = await e2e.newPage();
      await logIn(clerk, e2e.users.get('zl.clerk')!);
      await clerk.goto(`/console/cases/${dealer.case_id}`);
      const panel = clerk.locator('#case-letter');
      await Promise.all([
        clerk.waitForResponse(
          (r) => r.url().includes(`/console/cases/${dealer.case_id}/letter`) && r.status() === 200,
        ),
        panel.getByLabel('通知书').selectOption({ label: '催款函' }),
      ]);
      await panel
        .getByText(/应收账款与销售财务核对/)
        .first()
        .waitFor();
      await panel.getByRole('button', { name: '开具' }).click();
      const held = panel.locator('.held-box[role="status"]');
      await held.waitFor();
      expect(await held.innerText()).toContain('《催款函》');
      expect(await held.innerText()).toContain('应收账款与销售财务核对');
      expect(
        await ownerQuery(
          e2e.api,
          `select template_id from notices where case_id = $1 and template_id like '%demand-letter'`,
          [dealer.case_id],
        ),
      ).toEqual([]);
      const gates = await ownerQuery<{ id: string }>(
        e2e.api,
        `select id from approvals where case_id = $1 and kind = 'ar-reconciliation'
          and status = 'pending'`,
        [dealer.case_id],
      );
      expect(gates).toHaveLength(1);

      const page = await e2e.newPage();
      await logIn(page, e2e.users.get('zl.finance')!);
      await page.getByRole('link', { name: '审批', exact: true }).click();
      await page.waitForURL('**/console/approvals');
      const item = page.locator(`.approval[data-approval="${gates[0].id}"]`);
      await item.waitFor();
      const text = await item.innerText();
      expect(text).toContain('应收账款与销售财务核对');
      expect(text).toContain(dealer.name);
      // Both letters waiting behind the gate: the plan's 对账单 and the clerk's 催款函.
      expect(text).toContain('待发通知书对账单、催款函');
      await item.getByLabel('审批意见').fill('与销售财务账面核对一致');
      await item.getByRole('button', { name: '批准' }).click();
      await page.getByText('已批准。').waitFor();
      await shot(page, 'leasing-finance-approved');
      for (const event of await worker.take(tenantId, ['ApprovalDecided'])) {
        await worker.deliver(event);
      }
      // Both letters behind the gate go out: the 对账单 the plan held and the clerk's 催款函.
      const notices = await ownerQuery<{ id: string; template_id: string }>(
        e2e.api,
        `select id, template_id from notices where case_id = $1 order by template_id`,
        [dealer.case_id],
      );
      expect(notices.map((n) => n.template_id)).toEqual([
        'leasing-dealer-arrears/demand-letter',
        'leasing-dealer-arrears/statement',
      ]);
      await clerk.goto(`/console/notices/${notices[0].id}`);
      await clerk.getByRole('heading', { name: '催款函' }).waitFor();
      const letter = clerk.frameLocator('#letter-frame').locator('body');
      expect(await letter.innerText()).toContain(dealer.name);
      await shot(clerk, 'leasing-demand-letter');
    });

    it('on Friday the clerk runs 每周五催收情况报告 and it lists the dealer, the call and the visit', async () => {
      e2e.api.clock.set(local('2026-03-13', '16:30'));
      const page = await e2e.newPage();
      await logIn(page, e2e.users.get('zl.clerk')!);
      await page
        .getByRole('navigation', { name: '主导航' })
        .getByRole('link', { name: '报表' })
        .click();
      await page.waitForURL('**/console/reports');
      const report = page.locator('li.report[data-report="weekly-collector"]');
      await report.getByText('每周五催收情况报告').waitFor();
      expect(await report.getByLabel('统计日').inputValue()).toBe('2026-03-13');
      await report.getByLabel('格式').selectOption('html');
      await report.getByRole('button', { name: '生成' }).click();
      const run = page.locator('tr.is-new');
      await run.waitFor();
      expect(await run.innerText()).toContain('每周五催收情况报告');
      await shot(page, 'leasing-friday-report');
      const href = await run.getByRole('link', { name: '下载' }).getAttribute('href');
      const response = await page.request.get(href!);
      expect(response.status()).toBe(200);
      const html = (await response.body()).toString('utf8');
      const line = html.split('<tr').find((tr) => tr.includes(dealer.ref));
      expect(line).toBeDefined();
      expect(line).toContain(dealer.name);
      // 催收措施: the week's contacts by channel, counted (电话1次、上门1次).
      expect(line).toMatch(/<td>(电话\d+次、上门\d+次|上门\d+次、电话\d+次)<\/td>/);
      expect(line).toContain('业务员张磊');
    });
  },
);
