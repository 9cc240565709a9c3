import { CommandBus } from '@nestjs/cqrs';
import { systemMeta } from '../../libs/core/src';
import { Decimal } from 'decimal.js';
import { amountInWords } from '../../libs/ledger/src';
import { ExecuteRun, RequestRun, type RunView } from '../../libs/operations/src';
import { ownerQuery } from '../collection/support/fixtures';
import { EngineWorker, startEngineWorker } from '../engine/support/engine-worker';
import { ConsoleE2e, describeInBrowser, logIn, startConsoleE2e } from './support/console-e2e';
import { SAMPLES, shot, uploadAndRunImport } from './support/office-day';

const FILE = `${SAMPLES}/housing-fund-employer-contributions.csv`;
/** The file's first row: January's 370,500.00 not paid at all (due 01-31, 39 days by 03-11). */
/** The file's accounts: 统一社会信用代码-应缴月份 (the demo book's refs are not like it). */
const FILE_REF = '^[0-9A-Z]{18}-2026-[0-9]{2}$';
const EMPLOYER = { name: '县第三中学0', ref: '91130100YTHH41M8XT-2026-01', due: '370500.00' };

jest.setTimeout(180_000);

/** 370,500.00 as letters print money. */
const printed = (amount: string) => amount.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
/** A report's amount in yuan: always two decimals, 6,140,000.00. */
const yuan = (amount: string) => printed(new Decimal(amount).toFixed(2));

/**
 * 篇九, the housing fund office's day "from the file to the report": 归集专管员 imports the
 * employers' monthly contributions; the night run opens a case for each employer in arrears;
 * the clerk issues the 住房公积金催缴通知书 (worded for an employer: 贵单位, 《住房公积金管理条例》)
 * and records it 已签收, which starts the 30 days to pay; the 专职催收员 calls a borrower of an
 * overdue housing-fund loan; 管理部主任 sees the year's targets on the dashboard; the annual
 * summary (年度工作总结指标) opens with the same figures.
 */
describeInBrowser(
  'office day, housing fund (篇九): from the contribution file to the annual summary',
  () => {
    let e2e: ConsoleE2e;
    let worker: EngineWorker;
    let tenantId: string;
    let employerCase: string;

    const runRules = async () => {
      for (const event of await worker.take(tenantId)) await worker.deliver(event);
    };
    const one = async <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) =>
      (await ownerQuery<T>(e2e.api, sql, params))[0];
    const user = (name: string) => e2e.users.get(name)!;

    beforeAll(async () => {
      e2e = await startConsoleE2e(['demo-housing-fund'], 30);
      worker = await startEngineWorker(e2e.api);
      ({ id: tenantId } = await one<{ id: string }>(
        `select id from tenants where slug = 'demo-housing-fund'`,
      ));
      await worker.take(tenantId); // the demo book's own history is not today's work
    }, 180_000);
    afterAll(async () => {
      await worker?.close();
      await e2e?.close();
    });

    it('归集专管员 imports the employers’ contributions: 20 rows, no errors, each month due at its end', async () => {
      const clerk = user('gjj.contrib');
      const page = await e2e.newPage();
      await logIn(page, clerk);
      await uploadAndRunImport(e2e, page, {
        tenantId,
        user: clerk,
        role: 'clerk',
        file: FILE,
        type: 'accounts',
        mapping: 'employer-contributions',
      });
      await page.reload();
      const progress = page.locator('#import-progress');
      await progress.locator('[data-status="succeeded"]').waitFor();
      expect(await progress.innerText()).toContain('20');
      await page.getByText('没有错误行。').waitFor();
      await shot(page, 'housing-import');
      const imported = await one<{ n: number; due: string; type: string }>(
        `select count(*)::int as n, min(a.type) as type,
              (select i.due_date::text from installments i join accounts x
                 on x.tenant_id = i.tenant_id and x.id = i.account_id
                where x.tenant_id = $1 and x.external_ref = $2) as due
         from accounts a where a.tenant_id = $1 and a.external_ref ~ $3`,
        [tenantId, EMPLOYER.ref, FILE_REF],
      );
      expect(imported).toEqual({ n: 20, due: '2026-01-31', type: 'employer-contribution' });
    });

    it('the night run opens a case for each employer in arrears: January’s 370,500.00 of 县第三中学0', async () => {
      const bus = worker.app.get(CommandBus);
      const meta = systemMeta({ tenantId, actorId: 'scheduler', correlationId: 'e2e-run' });
      const requested = await bus.execute<RequestRun, { run: RunView }>(
        new RequestRun(meta, 'escalation', '2026-03-11', false),
      );
      await bus.execute(new ExecuteRun(meta, requested.run.id));
      await runRules();
      const opened = await ownerQuery<{ case_id: string; name: string; due: string; dpd: number }>(
        e2e.api,
        `select c.id as case_id, d.name, ab.total_due::text as due, ab.dpd
         from accounts ac
         join debtors d on d.tenant_id = ac.tenant_id and d.id = ac.debtor_id
         join case_accounts ca on ca.tenant_id = ac.tenant_id and ca.account_id = ac.id
         join cases c on c.tenant_id = ca.tenant_id and c.id = ca.case_id and c.closed_on is null
         join account_balances ab on ab.tenant_id = ac.tenant_id and ab.account_id = ac.id
        where ac.tenant_id = $1 and ac.external_ref ~ $2
        order by ab.dpd desc`,
        [tenantId, FILE_REF],
      );
      // Only January (县第三中学0) and February (某某煤矿1) are both past due and unpaid.
      expect(opened.map((o) => [o.name, o.due, o.dpd])).toEqual([
        [EMPLOYER.name, EMPLOYER.due, 39],
        ['某某煤矿1', '175200.00', 11],
      ]);
      employerCase = opened[0].case_id;
      // The stage 单位欠缴催缴: the 催缴通知书 drafted for the clerk, and a weekly call.
      expect(
        await ownerQuery(
          e2e.api,
          `select template_id, status, channel from notices where case_id = $1`,
          [employerCase],
        ),
      ).toEqual([
        { template_id: 'housing-fund/contribution-demand', status: 'draft', channel: 'letter' },
      ]);
      expect(
        await ownerQuery(e2e.api, `select kind, title, status from tasks where case_id = $1`, [
          employerCase,
        ]),
      ).toEqual([{ kind: 'call', title: '电话催收（单位欠缴催缴）', status: 'open' }]);
    });

    it('管理部主任 deals the new employer cases out by 自动分案 (in turn): the weekly call reaches the 专职催收员', async () => {
      const collector = user('gjj.collector1');
      const page = await e2e.newPage();
      await logIn(page, user('gjj.director'));
      await page.goto('/console/supervisor#unassigned-h');
      const pool = page.locator('section[aria-labelledby="unassigned-h"]');
      const row = pool.locator('tr', { hasText: EMPLOYER.name });
      await expect(row.locator('td[data-label="应还金额"]').innerText()).resolves.toBe(
        `¥${printed(EMPLOYER.due)}`,
      );
      await page.getByRole('button', { name: '自动分案' }).click();
      await page.locator('#auto-preview').waitFor();
      expect(await page.locator('#auto-preview').innerText()).toContain('轮流分配');
      await page.locator('#auto-confirm').click();
      await page.getByText(/已自动分配 \d+ 个案件。/).waitFor();
      await shot(page, 'housing-auto-assigned');
      await runRules();
      const assigned = await ownerQuery(
        e2e.api,
        `select c.assignee_id as "case", t.assignee_id as task from cases c
         join tasks t on t.tenant_id = c.tenant_id and t.case_id = c.id and t.kind = 'call'
          and t.status = 'open'
        where c.id = $1`,
        [employerCase],
      );
      expect(assigned).toEqual([{ case: collector.userId, task: collector.userId }]);
    });

    it('the clerk finds the 住房公积金催缴通知书 for 县第三中学0, worded for an employer, and records it 已签收: 30 days to pay', async () => {
      const [draft] = await ownerQuery<{ id: string }>(
        e2e.api,
        `select id from notices where case_id = $1`,
        [employerCase],
      );
      const page = await e2e.newPage();
      await logIn(page, user('gjj.contrib'));
      await page
        .getByRole('navigation', { name: '主导航' })
        .getByRole('link', { name: '通知书' })
        .click();
      await page.waitForURL('**/console/notices**');
      const listed = page.locator('tr', {
        has: page.locator(`a[href="/console/notices/${draft.id}"]`),
      });
      expect(await listed.innerText()).toContain(EMPLOYER.name);
      expect(await listed.innerText()).toContain('住房公积金催缴通知书');
      await listed.locator(`a[href="/console/notices/${draft.id}"]`).click();
      await page.waitForURL(`**/console/notices/${draft.id}`);
      await page.getByRole('heading', { name: '住房公积金催缴通知书' }).waitFor();
      const letter = page.frameLocator('#letter-frame').locator('body');
      await letter
        .getByText(/贵单位/)
        .first()
        .waitFor();
      const text = await letter.innerText();
      expect(text).toContain(`${EMPLOYER.name}：`);
      expect(text).toContain(
        `人民币${printed(EMPLOYER.due)}元（大写：${amountInWords(EMPLOYER.due)}）`,
      );
      expect(text).toContain('《住房公积金管理条例》');
      expect(text).toContain('30日内');
      await shot(page, 'housing-demand-notice');

      // 专管员 hands it over at the school the same day; the bursar signs for it.
      const delivery = page.locator('#notice-delivery');
      await delivery.getByLabel('结果').selectOption('signed');
      await delivery.getByLabel(/日期/).fill('2026-03-11');
      await delivery.getByRole('button', { name: '登记' }).click();
      await page.getByText('送达结果已登记，期限已重新计算。').waitFor();
      await delivery.getByText('已签收').first().waitFor();
      // 收到本通知之日起30日内: 03-11 + 30 days, a Friday.
      expect(await page.locator('#notice-deadline').innerText()).toBe('2026-04-10');
      await shot(page, 'housing-notice-signed');
      const rows = await ownerQuery(
        e2e.api,
        `select template_id, status, deadline::text from notices where case_id = $1`,
        [employerCase],
      );
      expect(rows).toEqual([
        {
          template_id: 'housing-fund/contribution-demand',
          status: 'signed',
          deadline: '2026-04-10',
        },
      ]);
    });

    it('the 专职催收员 calls a borrower of an overdue housing-fund loan from his worklist', async () => {
      const collector = user('gjj.collector1');
      const target = await one<{ case_id: string; name: string }>(
        `select c.id as case_id, d.name from cases c
         join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
        where c.tenant_id = $1 and c.assignee_id = $2 and c.status = 'open'
          and exists (select 1 from case_accounts ca join accounts a
                        on a.tenant_id = ca.tenant_id and a.id = ca.account_id
                      where ca.case_id = c.id and a.type = 'housing-fund-loan')
          and exists (select 1 from tasks t where t.case_id = c.id and t.kind = 'call'
                        and t.status = 'open')
        order by c.id limit 1`,
        [tenantId, collector.userId],
      );
      expect(target).toBeDefined();
      const page = await e2e.newPage();
      await logIn(page, collector);
      await page.goto('/console/work');
      await page.locator(`a[href="/console/cases/${target.case_id}"]`).first().click();
      await page.waitForURL(`**/console/cases/${target.case_id}`);
      const form = page.locator('#contact-form');
      await form.getByLabel('方式').selectOption('call');
      await form.getByLabel('结果').selectOption('payroll-deduction');
      await form.getByLabel('逾期原因').selectOption('income-drop');
      await form.getByLabel('情况记录').fill('借款人称近期收入下降，申请由单位按月代扣还款');
      await form.getByRole('button', { name: '保存联系记录' }).click();
      await page.getByText('联系记录已保存。').waitFor();
      await page
        .locator('.timeline')
        .getByText(/申请单位代扣/)
        .first()
        .waitFor();
      await shot(page, 'housing-call-logged');
      const contacts = await ownerQuery(
        e2e.api,
        `select channel, outcome_code, overdue_reason_code, recorded_by from contact_attempts
        where case_id = $1 and recorded_by = $2`,
        [target.case_id, collector.userId],
      );
      expect(contacts).toEqual([
        {
          channel: 'call',
          outcome_code: 'payroll-deduction',
          overdue_reason_code: 'income-drop',
          recorded_by: collector.userId,
        },
      ]);
      // 申请单位代扣 follows up in 7 days: the case's one open call task is due then.
      const tasks = await ownerQuery<{ due: string }>(
        e2e.api,
        `select (due_at at time zone 'Asia/Shanghai')::date::text as due from tasks
        where case_id = $1 and kind = 'call' and status = 'open'`,
        [target.case_id],
      );
      expect(tasks).toEqual([{ due: '2026-03-18' }]);
    });

    /** The ledger's figures the targets are made of, as of today. */
    const loanBook = async () => {
      const [row] = await ownerQuery<{ outstanding: string; overdue: string }>(
        e2e.api,
        `select sum(ab.outstanding_principal)::text as outstanding,
              coalesce(sum(ab.outstanding_principal) filter (where ab.dpd > 0), 0)::text as overdue
         from accounts a join account_balances ab on ab.tenant_id = a.tenant_id and ab.account_id = a.id
        where a.tenant_id = $1 and a.type = 'housing-fund-loan'`,
        [tenantId],
      );
      // The deposit balance the office recorded (the demo book enters one near 82%), else
      // the pack's parameter (50,000,000.00).
      const [deposit] = await ownerQuery<{ amount: string }>(
        e2e.api,
        `select amount::text as amount from kpi_inputs
          where tenant_id = $1 and input = 'deposit-balance' and group_type = 'tenant'
          order by period_start desc, recorded_at desc limit 1`,
        [tenantId],
      );
      const depositBalance = new Decimal(deposit?.amount ?? '50000000');
      const ratio = new Decimal(row.outstanding).div(depositBalance);
      const pct = (n: Decimal) => `${n.mul(100).toFixed(2)}%`;
      return {
        outstanding: row.outstanding,
        depositBalance: yuan(depositBalance.toFixed(2)),
        // 个贷率: loans outstanding over the deposit balance, judged on the band 82%–95%.
        loanToDeposit: pct(ratio),
        loanToDepositStatus: ratio.gte('0.82') && ratio.lte('0.95') ? '达标' : '未达标',
        // 个贷逾期率 (basis balance): the overdue loans' principal over all loans'.
        overdueRate: pct(new Decimal(row.overdue).div(row.outstanding)),
      };
    };

    it('管理部主任 sees the year’s three targets on the dashboard, each with the ledger’s figure', async () => {
      const book = await loanBook();
      const page = await e2e.newPage();
      await logIn(page, user('gjj.director'));
      expect(new URL(page.url()).pathname).toBe('/console/dashboard');
      const target = (id: string) => page.locator(`#target-${id}`);
      await target('recovered-vs-plan')
        .getByRole('heading', { name: '回收贷款完成全年任务数' })
        .waitFor();
      expect(await target('recovered-vs-plan').innerText()).toContain('目标 ≥ 91.00%');
      const ratio = await target('loan-to-deposit').locator('tbody tr').first().innerText();
      expect(ratio).toContain(book.loanToDeposit);
      expect(ratio).toContain(book.loanToDepositStatus);
      // 个贷率 is a band: at least 82% and not above the pack's 95% ceiling.
      expect(await target('loan-to-deposit').innerText()).toContain('目标区间 82.00%–95.00%');
      const overdue = await target('overdue-rate').locator('tbody tr').first().innerText();
      expect(overdue).toContain(book.overdueRate);
      expect(await target('overdue-rate').innerText()).toContain('上限 0.15%');
      await shot(page, 'housing-dashboard');
    });

    it('the annual summary (年度工作总结指标) opens with the same figures', async () => {
      const book = await loanBook();
      const page = await e2e.newPage();
      await logIn(page, user('gjj.director'));
      await page
        .getByRole('navigation', { name: '主导航' })
        .getByRole('link', { name: '报表' })
        .click();
      await page.waitForURL('**/console/reports');
      const report = page.locator('li.report[data-report="annual-assessment"]');
      await report.getByText('年度工作总结指标').waitFor();
      await report.getByLabel('格式').selectOption('html');
      await report.getByRole('button', { name: '生成' }).click();
      const run = page.locator('tr.is-new');
      await run.waitFor();
      expect(await run.innerText()).toContain('年度工作总结指标');
      await shot(page, 'housing-annual-report');
      const href = await run.getByRole('link', { name: '下载' }).getAttribute('href');
      const response = await page.request.get(href!);
      expect(response.status()).toBe(200);
      const html = (await response.body()).toString('utf8');
      const cellsOf = (label: string) => {
        const tr = html.split('<tr').find((t) => t.includes(`<td>${label}</td>`));
        return tr ? [...tr.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]) : [];
      };
      // 指标, 口径, 单位, 目标, 实际, 差距, 状态, 数值, 基数, 期间 (figures with separators)
      expect(cellsOf('个贷率').slice(3, 9)).toEqual([
        '82.00%–95.00%',
        book.loanToDeposit,
        expect.stringMatching(/%$/),
        book.loanToDepositStatus,
        yuan(book.outstanding),
        book.depositBalance,
      ]);
      expect(cellsOf('个贷逾期率')[4]).toBe(book.overdueRate);
      expect(cellsOf('回收贷款完成全年任务数')[3]).toBe('91.00%');
      // The employers' side (欠缴率 by count) is reported too.
      expect(html).toContain('<th>欠缴率</th>');
    });
  },
);
