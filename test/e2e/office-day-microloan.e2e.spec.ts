import { CommandBus } from '@nestjs/cqrs';
import { systemMeta } from '../../libs/core/src';
import { ExecuteRun, RequestRun, type RunView } from '../../libs/operations/src';
import { ownerQuery } from '../collection/support/fixtures';
import { EngineWorker, startEngineWorker } from '../engine/support/engine-worker';
import { ConsoleE2e, describeInBrowser, logIn, startConsoleE2e } from './support/console-e2e';
import { local, shot, yuan } from './support/office-day';
import { leaksIn } from './support/zh-leaks';

jest.setTimeout(180_000);

/**
 * 篇六, the microloan office's days: the 信贷员 calls an overdue borrower, records which of
 * the six causes it is and the repayment date he promises; the promise is not kept and the
 * night run moves the case up the ladder to its next step's task; the 信贷员 asks for the
 * court, 法务 approves and records 立案; the manager’s 逾期原因分析 shows the cause.
 */
describeInBrowser(
  'office day, microloan (篇六): cause and promise → broken → ladder → 立案 → 逾期原因分析',
  () => {
    let e2e: ConsoleE2e;
    let worker: EngineWorker;
    let tenantId: string;
    /** The borrower the days follow: 信贷员's case early in the ladder. */
    let loan: { id: string; name: string; ref: string; due: string; dpd: number; stage: string };

    const nightRun = async (asOf: string) => {
      const bus = worker.app.get(CommandBus);
      const meta = systemMeta({ tenantId, actorId: 'scheduler', correlationId: `e2e-${asOf}` });
      const requested = await bus.execute<RequestRun, { run: RunView }>(
        new RequestRun(meta, 'escalation', asOf, false),
      );
      await bus.execute(new ExecuteRun(meta, requested.run.id));
      for (const event of await worker.take(tenantId)) await worker.deliver(event);
    };

    beforeAll(async () => {
      e2e = await startConsoleE2e(['demo-microloan'], 40);
      worker = await startEngineWorker(e2e.api);
      [{ id: tenantId }] = await ownerQuery<{ id: string }>(
        e2e.api,
        `select id from tenants where slug = 'demo-microloan'`,
      );
      await worker.take(tenantId); // the demo book's own history is not today's work
      const cases = await ownerQuery<{
        id: string;
        name: string;
        ref: string;
        due: string;
        dpd: number;
        stage: string;
      }>(
        e2e.api,
        `select c.id, d.name, min(ac.external_ref) as ref, sum(ab.total_due)::text as due,
              max(ab.dpd) as dpd, c.stage
         from cases c
         join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
         join case_accounts ca on ca.tenant_id = c.tenant_id and ca.case_id = c.id
         join accounts ac on ac.tenant_id = ca.tenant_id and ac.id = ca.account_id
         join account_balances ab on ab.tenant_id = ca.tenant_id and ab.account_id = ca.account_id
        where c.tenant_id = $1 and c.assignee_id = $2 and c.status = 'open'
          and c.stage = 'demand-letter'
        group by c.id, d.name, c.stage
        order by max(ab.dpd)`,
        [tenantId, e2e.users.get('xd.officer1')!.userId],
      );
      // The youngest of his cases at the day-7 notice (the book also holds loans a few days
      // late), short of the 90 days that send a case to court on their own — only broken promises can take it there early.
      loan = cases[0];
      expect(loan.stage).toBe('demand-letter');
      expect(loan.dpd).toBeLessThan(90 - 8);
    }, 180_000);
    afterAll(async () => {
      await worker?.close();
      await e2e?.close();
    });

    it('the 信贷员 calls the borrower, records the cause (家庭变化) and a promise, saved together', async () => {
      const page = await e2e.newPage();
      await logIn(page, e2e.users.get('xd.officer1')!);
      await page.goto('/console/cases');
      await page.getByLabel('搜索').fill(loan.ref);
      await page.getByRole('button', { name: '查询' }).click();
      await page.locator('#pool-total').getByText('共 1 件').waitFor();
      await page.locator(`tbody tr[data-case="${loan.id}"] a`).first().click();
      await page.waitForURL(`**/console/cases/${loan.id}`);
      const form = page.locator('#contact-form');
      await form.getByLabel('方式').selectOption('call');
      await form.getByLabel('结果').selectOption('promised-to-pay');
      // 篇六's six causes, in the pack's words, and nothing else to choose from.
      const causes = await form
        .getByLabel('逾期原因')
        .locator('option:not([value=""])')
        .allInnerTexts();
      expect(causes).toHaveLength(6);
      expect(causes).toContain('客户家庭变化（离婚、结婚、孩子上学、住房装修）');
      await form.getByLabel('逾期原因').selectOption('family-change');
      await form.getByLabel('情况记录').fill('孩子上学交学费，资金紧张，承诺周五前还清');
      await form.getByLabel('承诺金额（元）').fill(loan.due);
      await form.getByLabel('承诺还款日').fill('2026-03-13');
      await form.getByRole('button', { name: '保存联系记录' }).click();
      await page.getByText('联系记录已保存。').waitFor();
      const timeline = await page.locator('.timeline').innerText();
      expect(timeline).toContain('电话（债务人本人）：承诺还款');
      expect(timeline).toContain('逾期原因：客户家庭变化');
      expect(timeline).toContain(`承诺还款 ${yuan(loan.due)}，2026-03-13 前（待履行）`);
      expect(leaksIn(await page.locator('main').innerText())).toEqual([]);
      await shot(page, 'microloan-call-cause-promise');
      const [saved] = await ownerQuery(
        e2e.api,
        `select ct.outcome_code, ct.overdue_reason_code, p.amount::text as amount,
              p.due_on::text as due_on, p.status as promise, c.status
         from contact_attempts ct
         join promises p on p.tenant_id = ct.tenant_id and p.id = ct.promise_id
         join cases c on c.tenant_id = ct.tenant_id and c.id = ct.case_id
        where ct.case_id = $1`,
        [loan.id],
      );
      expect(saved).toEqual({
        outcome_code: 'promised-to-pay',
        overdue_reason_code: 'family-change',
        amount: loan.due,
        due_on: '2026-03-13',
        promise: 'pending',
        status: 'promised',
      });
    });

    /** The promises of the case, oldest first. */
    const promisesOf = () =>
      ownerQuery<{ due_on: string; status: string }>(
        e2e.api,
        `select due_on::text, status from promises where case_id = $1 order by due_on`,
        [loan.id],
      );

    it('the promise is not kept: the night run of Monday marks it broken and the daily call goes on', async () => {
      e2e.api.clock.set(local('2026-03-16', '01:00'));
      await nightRun('2026-03-16');
      expect(await promisesOf()).toEqual([{ due_on: '2026-03-13', status: 'broken' }]);
      e2e.api.clock.set(local('2026-03-16', '09:30'));
      const page = await e2e.newPage();
      await logIn(page, e2e.users.get('xd.officer1')!);
      await page.goto(`/console/cases/${loan.id}`);
      const timeline = await page.locator('.timeline').innerText();
      expect(timeline).toMatch(/承诺还款 [^\n]*2026-03-13 前（已违约）/);
      const [stage] = await ownerQuery<{ stage: string; status: string }>(
        e2e.api,
        `select stage, status from cases where id = $1`,
        [loan.id],
      );
      expect(stage).toEqual({ stage: 'demand-letter', status: 'open' });
      // The day-7 ladder step calls every day until paid: one open call task, on his worklist.
      const calls = await ownerQuery<{ id: string }>(
        e2e.api,
        `select id from tasks where case_id = $1 and kind = 'call' and status = 'open'`,
        [loan.id],
      );
      expect(calls).toHaveLength(1);
      await page.goto('/console/work');
      await page.locator(`tr[data-task="${calls[0].id}"]`).waitFor();
      await shot(page, 'microloan-worklist-after-broken');

      // He calls again; the borrower promises once more, by Wednesday.
      await page.goto(`/console/cases/${loan.id}`);
      const form = page.locator('#contact-form');
      await form.getByLabel('方式').selectOption('call');
      await form.getByLabel('结果').selectOption('promised-to-pay');
      await form.getByLabel('逾期原因').selectOption('family-change');
      await form.getByLabel('情况记录').fill('再次承诺，周三前还清');
      await form.getByLabel('承诺金额（元）').fill(loan.due);
      await form.getByLabel('承诺还款日').fill('2026-03-18');
      await form.getByRole('button', { name: '保存联系记录' }).click();
      await page.getByText('联系记录已保存。').waitFor();
    });

    it('the second broken promise takes the case to the next step of the ladder: 提请进入司法程序, in 法务’s inbox', async () => {
      e2e.api.clock.set(local('2026-03-19', '01:00'));
      await nightRun('2026-03-19');
      expect(await promisesOf()).toEqual([
        { due_on: '2026-03-13', status: 'broken' },
        { due_on: '2026-03-18', status: 'broken' },
      ]);
      const [moved] = await ownerQuery<{ stage: string }>(
        e2e.api,
        `select stage from cases where id = $1`,
        [loan.id],
      );
      expect(moved.stage).toBe('legal');
      const [{ due }] = await ownerQuery<{ due: string }>(
        e2e.api,
        `select sum(ab.total_due)::text as due from case_accounts ca
         join account_balances ab on ab.tenant_id = ca.tenant_id and ab.account_id = ca.account_id
        where ca.case_id = $1`,
        [loan.id],
      );
      const referrals = await ownerQuery<{ id: string; approver_role: string; status: string }>(
        e2e.api,
        `select id, approver_role, status from approvals
        where case_id = $1 and kind = 'legal-referral'`,
        [loan.id],
      );
      expect(referrals).toEqual([
        { id: expect.any(String), approver_role: 'legal', status: 'pending' },
      ]);

      e2e.api.clock.set(local('2026-03-19', '10:00'));
      const page = await e2e.newPage();
      await logIn(page, e2e.users.get('xd.legal')!);
      await page.goto('/console/approvals');
      const item = page.locator(`.approval[data-approval="${referrals[0].id}"]`);
      await item.waitFor();
      const text = await item.innerText();
      // The platform's name of the kind (the pack calls it 提请进入司法程序).
      expect(text).toMatch(/转法务起诉|提请进入司法程序/);
      expect(text).toContain(yuan(due));
      expect(text).toContain(loan.name);
      // The engine's request carries the pack's field list by code: never shown, not even
      // as an empty 其他事项.
      expect(text).not.toContain('其他事项');
      expect(leaksIn(text)).toEqual([]);
      await shot(page, 'microloan-legal-inbox');
      await item.getByLabel('审批意见').fill('两次承诺未兑现，同意起诉');
      await item.getByRole('button', { name: '批准' }).click();
      await page.getByText('已批准。').waitFor();
      for (const event of await worker.take(tenantId)) await worker.deliver(event);
      const [decided] = await ownerQuery<{ status: string; decided_by: string }>(
        e2e.api,
        `select status, decided_by from approvals where id = $1`,
        [referrals[0].id],
      );
      expect(decided).toEqual({
        status: 'approved',
        decided_by: e2e.users.get('xd.legal')!.userId,
      });
    });

    it('法务 records 立案 on the referred case: court, 案号, the claim and the court fee', async () => {
      const page = await e2e.newPage();
      await logIn(page, e2e.users.get('xd.legal')!);
      expect(new URL(page.url()).pathname).toBe('/console/legal');
      await page.getByRole('link', { name: loan.name }).first().click();
      await page.waitForURL(`**/console/legal/${loan.id}`);
      await page.getByText('法务移交已批准，尚未立案').waitFor();
      const form = page.locator('#step-form');
      await form.getByLabel('进展').selectOption('filing');
      await form.getByLabel('日期').fill('2026-03-19');
      await form.getByLabel('法院').fill('杭州市拱墅区人民法院');
      await form.getByLabel('案号').fill('(2026)浙0105民初2088号');
      await form.getByLabel('金额', { exact: true }).fill(loan.due);
      await form.getByLabel('费用类别').selectOption('court-fee');
      await form.getByLabel('费用金额').fill('50.00');
      await form.getByRole('button', { name: '登记进展' }).click();
      await page.getByText('诉讼进展已登记。').waitFor();
      await page
        .locator('#legal-steps')
        .getByText(`诉讼标的 ${yuan(loan.due)}`)
        .waitFor();
      expect(leaksIn(await page.locator('main').innerText())).toEqual([]);
      await shot(page, 'microloan-filing');
      const steps = await ownerQuery(
        e2e.api,
        `select e.step, e.occurred_on::text as on, e.amount::text as amount, m.court_case_number
         from legal_events e
         join legal_matters m on m.tenant_id = e.tenant_id and m.id = e.legal_matter_id
        where m.case_id = $1`,
        [loan.id],
      );
      expect(steps).toEqual([
        {
          step: 'filing',
          on: '2026-03-19',
          amount: loan.due,
          court_case_number: '(2026)浙0105民初2088号',
        },
      ]);
    });

    it('the manager’s 逾期原因分析 lists the borrower with the cause in the pack’s words', async () => {
      const page = await e2e.newPage();
      await logIn(page, e2e.users.get('xd.manager')!);
      await page.goto('/console/reports');
      const report = page.locator('li.report[data-report="overdue-reasons"]');
      await report.getByText('逾期原因分析').waitFor();
      expect(await report.getByLabel('统计日').inputValue()).toBe('2026-03-19');
      await report.getByLabel('格式').selectOption('html');
      await report.getByRole('button', { name: '生成' }).click();
      const run = page.locator('tr.is-new');
      await run.waitFor();
      expect(await run.innerText()).toContain('逾期原因分析');
      await shot(page, 'microloan-reasons-report');
      const href = await run.getByRole('link', { name: '下载' }).getAttribute('href');
      const response = await page.request.get(href!);
      expect(response.status()).toBe(200);
      const html = (await response.body()).toString('utf8');
      const line = html.split('<tr').find((tr) => tr.includes(loan.ref));
      expect(line).toBeDefined();
      expect(line).toContain(loan.name);
      expect(line).toContain('客户家庭变化（离婚、结婚、孩子上学、住房装修）');
      expect(line).toContain('电话');
    });
  },
);
