import { connect } from '../support/test-db';
import {
  ConsoleE2e,
  describeInBrowser,
  keepScreenshot,
  logIn,
  startConsoleE2e,
} from './support/console-e2e';

describeInBrowser('the supervisor decides visit plans and hands cases over (篇八 四)', () => {
  let e2e: ConsoleE2e;
  let caseId: string;

  beforeAll(async () => {
    e2e = await startConsoleE2e(['demo-school'], { size: 300, kpiDays: 1 }); // defaults under 5%: 100 leave a teacher none
  }, 90_000);
  afterAll(async () => {
    await e2e?.close();
  });

  it('a field collector requests a visit plan from the case page', async () => {
    const field = e2e.users.get('xx.duan')!;
    const owner = await connect(e2e.api.db.ownerUrl);
    const { rows } = await owner.query<{ id: string }>(
      `select id from cases where assignee_id = $1 order by id limit 1`,
      [field.userId],
    );
    await owner.end();
    caseId = rows[0].id;
    const page = await e2e.newPage();
    await logIn(page, field);
    await page.goto(`/console/cases/${caseId}`);
    const form = page.locator('#approval-form');
    await form.getByLabel('审批事项').selectOption('visit-plan');
    await form.getByLabel('外访日期').fill('2026-03-13');
    await form.getByLabel('地点').fill('借款学生家中（某某乡某某村）');
    await form.getByLabel('参加人员').fill('段善波，王善祥');
    await form.getByLabel('车辆').fill('皖A-12345');
    await form.getByLabel('申请理由').fill('连续三次电话未接通，申请上门');
    await form.getByRole('button', { name: '提交审批' }).click();
    await page.getByText('审批申请已提交。').waitFor();
    await page.locator('.timeline').getByText('审批：上门催收方案（待审批）').waitFor();
  });

  it('the supervisor sees it waiting, approves it, and the case shows the decision', async () => {
    const page = await e2e.newPage();
    await logIn(page, e2e.users.get('xx.deputy')!);
    expect(new URL(page.url()).pathname).toBe('/console/supervisor');
    const item = page.locator(`.approval:has(a[href="/console/cases/${caseId}"])`);
    await item.waitFor();
    expect(await item.innerText()).toContain('皖A-12345');
    await keepScreenshot(page, 'supervisor');
    await item.getByLabel('审批意见').fill('同意，注意安全');
    await item.getByRole('button', { name: '批准' }).click();
    await page.getByText('已批准。').waitFor();
    expect(await page.locator(`.approval:has(a[href="/console/cases/${caseId}"])`).count()).toBe(0);
    await page.goto(`/console/cases/${caseId}`);
    await page.locator('.timeline').getByText('审批：上门催收方案（已批准）').waitFor();
  });

  it('a handover moves every open case of one collector to another, with the note', async () => {
    const phone1 = e2e.users.get('xx.duan')!;
    const phone2 = e2e.users.get('xx.sun')!;
    const owner = await connect(e2e.api.db.ownerUrl);
    const count = async (userId: string) =>
      (
        await owner.query(
          `select count(*)::int as n from cases where assignee_id = $1 and closed_on is null`,
          [userId],
        )
      ).rows[0].n as number;
    const [from, to] = [await count(phone2.userId), await count(phone1.userId)];
    expect(from).toBeGreaterThan(0);

    const page = await e2e.newPage();
    await logIn(page, e2e.users.get('xx.deputy')!);
    const form = page.locator('form[action="/console/supervisor/handover"]');
    await form.getByRole('button', { name: '交接全部在办案件' }).click();
    await form.locator('#handover-handoverNote-error').waitFor();
    await form.getByLabel('交出人').selectOption(phone2.userId);
    await form.getByLabel('接收人').selectOption(phone1.userId);
    await form.getByLabel('交接说明').fill('孙立群外出培训，案件交段善波跟进');
    await form.getByRole('button', { name: '交接全部在办案件' }).click();
    await page.getByText(`已交接 ${from} 个案件。`).waitFor();
    expect([await count(phone2.userId), await count(phone1.userId)]).toEqual([0, to + from]);
    const notes = await owner.query(
      `select count(*)::int as n from case_assignments
       where from_user_id = $1 and to_user_id = $2 and handover_note like '%外出培训%'`,
      [phone2.userId, phone1.userId],
    );
    expect(notes.rows[0].n).toBe(from);
    await owner.end();
  });
});
