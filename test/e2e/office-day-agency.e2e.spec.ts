import { CommandBus } from '@nestjs/cqrs';
import { systemMeta } from '../../libs/core/src';
import { ExecuteRun, RequestRun, type RunView } from '../../libs/operations/src';
import { ownerQuery } from '../collection/support/fixtures';
import { EngineWorker, startEngineWorker } from '../engine/support/engine-worker';
import { ConsoleE2e, describeInBrowser, logIn, startConsoleE2e } from './support/console-e2e';
import { local, SAMPLES, shot, uploadAndRunImport, yuan } from './support/office-day';

const GBK = `${SAMPLES}/card-agency-cases.gbk.csv`;
/** The batch's first row: 孙桂英, card 6225610926759833, 委案金额 72,837.48, 130 days. */
const DEBTOR = { name: '孙桂英', card: '6225610926759833', phone: '18908695986' };

jest.setTimeout(180_000);

/**
 * 篇八, the card agency's week "from the file to the report": 辅助行政 imports the bank's GBK
 * batch; 催收主管 sees the 30 new cases with their amounts and deals them out within the
 * working day (分配案件); the phone collector finds 孙桂英 by her phone in 案件查询, calls her
 * with the recording, 承诺还款 and a promise; the promise falls due unpaid and the night run
 * marks it broken; the supervisor hands the case to 外访催收一, whose worklist gets the visit
 * (2 working days); the visit is logged with its recording and the visit task completed with
 * its result; on Friday the assistant's 催收案件周进度报告 lists the call, the visit and the
 * promise.
 */
describeInBrowser(
  'office day, card agency (篇八): from the bank batch to the weekly report',
  () => {
    let e2e: ConsoleE2e;
    let worker: EngineWorker;
    let tenantId: string;
    let importId: string;
    let caseId: string;
    /** The phone collector 自动分案 gave 孙桂英 to. */
    let caller: string;

    const runRules = async (types?: string[]) => {
      for (const event of await worker.take(tenantId, types)) await worker.deliver(event);
    };
    const one = async <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) =>
      (await ownerQuery<T>(e2e.api, sql, params))[0];
    const user = (name: string) => e2e.users.get(name)!;

    beforeAll(async () => {
      // The day follows the imported batch; the demo book is only the office's background.
      e2e = await startConsoleE2e(['demo-agency'], 12);
      worker = await startEngineWorker(e2e.api);
      ({ id: tenantId } = await one<{ id: string }>(
        `select id from tenants where slug = 'demo-agency'`,
      ));
      await worker.take(tenantId); // the demo book's own history is not today's work
    }, 180_000);
    afterAll(async () => {
      await worker?.close();
      await e2e?.close();
    });

    it('辅助行政 imports the bank’s GBK batch: 30 cases, each owing, each a 分配案件 task for the supervisor', async () => {
      const clerk = user('cs.assistant');
      const page = await e2e.newPage();
      await logIn(page, clerk);
      importId = await uploadAndRunImport(e2e, page, {
        tenantId,
        user: clerk,
        role: 'clerk',
        file: GBK,
        type: 'cases',
      });
      await page.reload();
      const progress = page.locator('#import-progress');
      await progress.locator('[data-status="succeeded"]').waitFor();
      expect(await progress.innerText()).toContain('30');
      await page.getByText('没有错误行。').waitFor();
      await shot(page, 'agency-import');
      const imported = await one<{ n: number; owing: number }>(
        `select count(*)::int as n,
              count(*) filter (where b.total_due > 0 and b.dpd > 0)::int as owing
         from cases c join case_accounts ca on ca.tenant_id = c.tenant_id and ca.case_id = c.id
         join account_balances b on b.tenant_id = ca.tenant_id and b.account_id = ca.account_id
        where c.tenant_id = $1 and c.import_id = $2`,
        [tenantId, importId],
      );
      expect(imported).toEqual({ n: 30, owing: 30 });
      await runRules(['ImportFinished']);
      const tasks = await one<{ n: number }>(
        `select count(*)::int as n from tasks t
         join cases c on c.tenant_id = t.tenant_id and c.id = t.case_id
        where t.tenant_id = $1 and t.title = '分配案件' and t.status = 'open' and c.import_id = $2`,
        [tenantId, importId],
      );
      expect(tasks.n).toBe(30);
    });

    it('催收主管 sees the new cases with their amounts and deals them out by 自动分案 inside the SLA', async () => {
      const row = await one<{ id: string; due: string; dpd: number }>(
        `select c.id, b.total_due::text as due, b.dpd from cases c
         join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
         join case_accounts ca on ca.tenant_id = c.tenant_id and ca.case_id = c.id
         join account_balances b on b.tenant_id = ca.tenant_id and b.account_id = ca.account_id
        where c.tenant_id = $1 and c.import_id = $2 and d.name = $3`,
        [tenantId, importId, DEBTOR.name],
      );
      caseId = row.id;
      // 委案金额 of the file; 130 days past due on 委案日期 (03-01), 140 by today.
      expect(row.due).toBe('72837.48');
      expect(row.dpd).toBeGreaterThanOrEqual(130);
      const page = await e2e.newPage();
      await logIn(page, user('cs.supervisor'));
      await page.goto('/console/supervisor#unassigned-h');
      const pool = page.locator('section[aria-labelledby="unassigned-h"]');
      const sun = pool.locator('tr', { hasText: DEBTOR.name });
      await expect(sun.locator('td[data-label="应还金额"]').innerText()).resolves.toBe(
        yuan(row.due),
      );
      await expect(sun.locator('td[data-label="逾期天数"]').innerText()).resolves.toBe(
        String(row.dpd),
      );
      await shot(page, 'agency-unassigned');
      await page.getByRole('button', { name: '自动分案' }).click();
      await page.locator('#auto-preview').waitFor();
      expect(await page.locator('#auto-preview').innerText()).toContain('按容量分配');
      await page.locator('#auto-confirm').click();
      await page.getByText(/已自动分配 \d+ 个案件。/).waitFor();
      const dealt = await one<{ phone: number; tasksDone: number; late: number }>(
        `select (select count(*)::int from cases c join users u on u.tenant_id = c.tenant_id
                 and u.id = c.assignee_id
                where c.tenant_id = $1 and c.import_id = $2 and 'phone-collector' = any(u.roles))
                as phone,
              (select count(*)::int from tasks t join cases c on c.tenant_id = t.tenant_id
                 and c.id = t.case_id
                where t.tenant_id = $1 and c.import_id = $2 and t.title = '分配案件'
                  and t.status = 'done') as "tasksDone",
              (select count(*)::int from tasks t join cases c on c.tenant_id = t.tenant_id
                 and c.id = t.case_id
                where t.tenant_id = $1 and c.import_id = $2 and t.title = '分配案件'
                  and t.completed_at > t.sla_due_at) as late`,
        [tenantId, importId],
      );
      expect(dealt).toEqual({ phone: 30, tasksDone: 30, late: 0 });
      ({ assignee_id: caller } = await one<{ assignee_id: string }>(
        `select assignee_id from cases where id = $1`,
        [caseId],
      ));
      // The phone collector's first call (2 working hours) follows from the assignment.
      await runRules(['CaseAssigned']);
      const first = await one<{ n: number }>(
        `select count(*)::int as n from tasks where case_id = $1 and kind = 'call'
          and status = 'open' and assignee_id = $2`,
        [caseId, caller],
      );
      expect(first.n).toBe(1);
    });

    it('the phone collector finds 孙桂英 by her phone, calls her with the recording and writes down the promise', async () => {
      const login = [...e2e.users.values()].find((u) => u.userId === caller)!;
      const page = await e2e.newPage();
      await logIn(page, login);
      await page
        .getByRole('navigation', { name: '主导航' })
        .getByRole('link', { name: '案件查询' })
        .click();
      await page.waitForURL('**/console/cases**');
      await page.getByLabel('搜索').fill(DEBTOR.phone);
      await page.getByRole('button', { name: '查询' }).click();
      await page.locator('#pool-total').getByText('共 1 件').waitFor();
      await page.locator(`tr[data-case="${caseId}"]`).getByRole('link').first().click();
      await page.waitForURL(`**/console/cases/${caseId}`);
      const panel = page.locator('#case-contacts');
      await panel.getByText('本案由您负责').waitFor();
      await panel.locator(`a[href="tel:${DEBTOR.phone}"]`).first().waitFor();
      await shot(page, 'agency-debtor-phone');

      const form = page.locator('#contact-form');
      await form.getByLabel('方式').selectOption('call');
      await form.getByLabel('结果').selectOption('promised-to-pay');
      await form.getByLabel('情况记录').fill('本人接听，称工资周四发放，先还五千元');
      await form.getByLabel('录音或附件').setInputFiles({
        name: '孙桂英-0311.mp3',
        mimeType: 'audio/mpeg',
        buffer: Buffer.from('ID3 recording'),
      });
      await form.getByLabel('承诺金额（元）').fill('5000.00');
      await form.getByLabel('承诺还款日').fill('2026-03-12');
      await form.getByRole('button', { name: '保存联系记录' }).click();
      await page.getByText('联系记录已保存。').waitFor();
      await page
        .locator('.timeline')
        .getByText(/孙桂英-0311\.mp3/)
        .first()
        .waitFor();
      await shot(page, 'agency-call-logged');
      const call = await one<Record<string, unknown>>(
        `select ct.id, ct.channel, ct.outcome_code, ct.recorded_by, a.original_name as recording,
              p.amount::text as amount, p.due_on::text as due_on, c.status
         from contact_attempts ct
         join attachments a on a.tenant_id = ct.tenant_id and a.id = ct.attachment_id
         join promises p on p.tenant_id = ct.tenant_id and p.id = ct.promise_id
         join cases c on c.tenant_id = ct.tenant_id and c.id = ct.case_id
        where ct.case_id = $1`,
        [caseId],
      );
      expect(call).toEqual({
        id: expect.any(String),
        channel: 'call',
        outcome_code: 'promised-to-pay',
        recorded_by: caller,
        recording: '孙桂英-0311.mp3',
        amount: '5000.00',
        due_on: '2026-03-12',
        status: 'promised',
      });

      // The first-call task ends with the call just logged, inside its 2 working hours.
      const task = await one<{ id: string }>(
        `select id from tasks where case_id = $1 and kind = 'call' and status = 'open'`,
        [caseId],
      );
      await page
        .locator(`a[href="/console/work/tasks/${task.id}/complete?back=case"]`)
        .first()
        .click();
      const outcome = page.locator(`#outcome-${task.id}`);
      await outcome.waitFor();
      await outcome.locator(`input[name="contactId"][value="${call.id as string}"]`).check();
      await outcome.getByRole('button', { name: '确认完成' }).click();
      await page.getByText('任务已完成。').waitFor();
      const done = await one<Record<string, unknown>>(
        `select status, outcome_ref, completed_at <= sla_due_at as in_time from tasks where id = $1`,
        [task.id],
      );
      expect(done).toEqual({ status: 'done', outcome_ref: { contactId: call.id }, in_time: true });
    });

    it('the promised 12 March passes unpaid: the night run of the 13th marks it broken', async () => {
      e2e.api.clock.set(local('2026-03-13', '01:00'));
      const bus = worker.app.get(CommandBus);
      const meta = systemMeta({ tenantId, actorId: 'scheduler', correlationId: 'e2e-run' });
      const requested = await bus.execute<RequestRun, { run: RunView }>(
        new RequestRun(meta, 'escalation', '2026-03-13', false),
      );
      await bus.execute(new ExecuteRun(meta, requested.run.id));
      await runRules();
      const promise = await one<{ status: string; status_case: string }>(
        `select p.status, c.status as status_case from promises p
         join cases c on c.tenant_id = p.tenant_id and c.id = p.case_id where p.case_id = $1`,
        [caseId],
      );
      expect(promise).toEqual({ status: 'broken', status_case: 'open' });
      e2e.api.clock.set(local('2026-03-13', '09:00'));
      const page = await e2e.newPage();
      await logIn(page, user('cs.supervisor'));
      await page.goto(`/console/cases/${caseId}`);
      await page.getByText('已违约').first().waitFor();
      await shot(page, 'agency-promise-broken');
    });

    it('催收主管 hands the case to 外访催收一 with a note; the visit task is on his worklist, due in 2 working days', async () => {
      const field = user('cs.field1');
      const page = await e2e.newPage();
      await logIn(page, user('cs.supervisor'));
      await page.goto('/console/cases');
      await page.getByLabel('搜索').fill(DEBTOR.card);
      await page.getByRole('button', { name: '查询' }).click();
      await page.locator('#pool-total').getByText('共 1 件').waitFor();
      await page.locator(`#pick-${caseId}`).check();
      const bar = page.locator('.pool-bar');
      await bar.getByLabel('分配给').selectOption(field.userId);
      await bar.getByLabel('交接说明').fill('承诺未兑现，电话推诿，移交外访核实居住地址');
      await bar.getByRole('button', { name: '分配所选案件' }).click();
      await page.getByText('已分配 1 件案件。').waitFor();
      await runRules(['CaseAssigned']);
      const visit = await one<{ id: string; assignee_id: string; sla: Date }>(
        `select id, assignee_id, sla_due_at as sla from tasks
        where case_id = $1 and kind = 'visit' and status = 'open'`,
        [caseId],
      );
      expect(visit.assignee_id).toBe(field.userId);
      // Handed off at Friday's opening (09:00): 2 working days are Friday's and Monday's hours,
      // so the visit is due at Monday's closing time (the weekend does not count).
      expect(visit.sla).toEqual(new Date(local('2026-03-16', '17:30')));

      const fieldPage = await e2e.newPage();
      await logIn(fieldPage, field);
      await fieldPage.goto('/console/work');
      const row = fieldPage.locator(`#worklist tr[data-task="${visit.id}"]`);
      await row.waitFor();
      expect(await row.innerText()).toContain(DEBTOR.name);
      await shot(fieldPage, 'agency-visit-on-worklist');
    });

    it('外访催收一 logs the visit with its recording and completes the visit task with the result', async () => {
      e2e.api.clock.set(local('2026-03-13', '14:30'));
      const field = user('cs.field1');
      const page = await e2e.newPage();
      await logIn(page, field);
      await page.goto(`/console/cases/${caseId}`);
      const form = page.locator('#contact-form');
      await form.getByLabel('方式').selectOption('visit');
      await form.getByLabel('结果').selectOption('promised-to-pay');
      await form.getByLabel('情况记录').fill('上门见到本人，出示欠款明细，承诺月底前还清');
      await form.getByLabel('录音或附件').setInputFiles({
        name: '外访录音-0313.mp3',
        mimeType: 'audio/mpeg',
        buffer: Buffer.from('ID3 recording'),
      });
      await form.getByLabel('承诺金额（元）').fill('72837.48');
      await form.getByLabel('承诺还款日').fill('2026-03-31');
      await form.getByRole('button', { name: '保存联系记录' }).click();
      await page.getByText('联系记录已保存。').waitFor();

      const visit = await one<{ id: string }>(
        `select id from tasks where case_id = $1 and kind = 'visit' and status = 'open'`,
        [caseId],
      );
      const reviews = async () =>
        ownerQuery<{ title: string; role: string }>(
          e2e.api,
          `select title, role from tasks where case_id = $1 and kind = 'review'
            and status = 'open' order by created_at`,
          [caseId],
        );
      await runRules();
      const before = await reviews();
      await page
        .locator(`a[href="/console/work/tasks/${visit.id}/complete?back=case"]`)
        .first()
        .click();
      const outcome = page.locator(`#outcome-${visit.id}`);
      await outcome.waitFor();
      await outcome.getByLabel('外访结果').selectOption('met-debtor');
      await outcome.getByLabel('外访地址').fill('上海市徐汇区漕溪北路');
      await outcome.getByLabel('情况记录').fill('见到本人，已录音，承诺月底还清');
      await outcome.getByRole('button', { name: '确认完成' }).click();
      await page.getByText('任务已完成。').waitFor();
      await page
        .locator('.timeline')
        .getByText(/见到债务人本人/)
        .first()
        .waitFor();
      await shot(page, 'agency-visit-logged');
      const done = await one<Record<string, unknown>>(
        `select t.status, t.outcome_result, t.outcome_ref, t.completed_at <= t.sla_due_at as in_time,
              (select count(*)::int from contact_attempts ct where ct.case_id = t.case_id
                 and ct.channel = 'visit' and ct.attachment_id is not null) as visits
         from tasks t where t.id = $1`,
        [visit.id],
      );
      expect(done).toEqual({
        status: 'done',
        outcome_result: 'met-debtor',
        outcome_ref: { address: '上海市徐汇区漕溪北路' },
        in_time: true,
        visits: 1,
      });
      // 篇八: the supervisor must read every visit record.
      await runRules(['TaskCompleted']);
      const after = await reviews();
      // Handing the case over was a 交接 the supervisor watches; the visit adds its 复核.
      expect(before).toEqual([{ title: '监督案件交接', role: 'supervisor' }]);
      expect(after).toEqual([...before, { title: '复核', role: 'supervisor' }]);
    });

    it('on Friday 辅助行政 runs 催收案件周进度报告 and it lists the case with its call, visit and promises', async () => {
      e2e.api.clock.set(local('2026-03-13', '17:30'));
      const page = await e2e.newPage();
      await logIn(page, user('cs.assistant'));
      await page
        .getByRole('navigation', { name: '主导航' })
        .getByRole('link', { name: '报表' })
        .click();
      await page.waitForURL('**/console/reports');
      const report = page.locator('li.report[data-report="weekly-progress"]');
      await report.getByText('催收案件周进度报告').waitFor();
      expect(await report.getByLabel('统计日').inputValue()).toBe('2026-03-13');
      await report.getByLabel('格式').selectOption('html');
      await report.getByRole('button', { name: '生成' }).click();
      const run = page.locator('tr.is-new');
      await run.waitFor();
      expect(await run.innerText()).toContain('催收案件周进度报告');
      await shot(page, 'agency-weekly-report');
      const href = await run.getByRole('link', { name: '下载' }).getAttribute('href');
      const response = await page.request.get(href!);
      expect(response.status()).toBe(200);
      const html = (await response.body()).toString('utf8');
      // 辅助行政 is a clerk: the card reads 6225 **** **** 9833 (issue 13 §3).
      const masked = `${DEBTOR.card.slice(0, 4)} **** **** ${DEBTOR.card.slice(-4)}`;
      expect(html).not.toContain(DEBTOR.card);
      const line = html.split('<tr').find((tr) => tr.includes(masked));
      expect(line).toBeDefined();
      const cells = [...line!.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);
      // 催收人员, 卡号, 姓名, 逾期金额, 账龄, 催收措施, 联系次数, 外访次数, 承诺次数, 还款: the
      // week's call and visit (2 contacts, 1 visit), the two promises (the broken one and the
      // visit's).
      expect(cells).toEqual([
        expect.any(String),
        masked,
        DEBTOR.name,
        '72,837.48',
        'M5',
        '电话1次、上门1次',
        '2',
        '1',
        '2',
        '0.00',
      ]);
    });
  },
);
