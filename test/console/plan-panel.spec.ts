import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UpgradePack } from '../../libs/policy/src';
import { assign } from '../collection/support/fixtures';
import type { CollectionTestApi } from '../collection/support/collection-api';
import {
  loan,
  Member,
  meta,
  nightOf,
  openCase,
  ownerQuery,
  packTenant,
} from '../packs/support/pack-scenario';
import { binaryBody } from '../support/binary-body';
import { pdfText } from '../support/pdf-text';

const CSRF = 'plan-panel-csrf';
const D0 = '2026-03-02';
const PACK = 'leasing-dealer-arrears';
/** CI installs Debian's chromium; a machine without it cannot print the PDF. */
const withChromium = existsSync('/usr/bin/chromium') ? it : it.skip;

/**
 * 还款计划 through the console route (issue 16 §1), the leasing pack's rules: down payment at
 * least 5%, at most 12 instalments in 12 months, none under 500.00, above 10,000.00 the manager
 * approves. Bad input re-renders the panel (422) with the Chinese message at the field and saves
 * nothing; a preview saves nothing; a good plan is saved with its instalments to the fen and,
 * above the threshold, waits in the manager's inbox, which lists the instalments. The
 * agreement prints from the tenant's pinned pack version (the API reads packs from a copy of
 * policies/ in the temp dir, so the spec can publish 1.1.0) as HTML and as a server PDF.
 */
describe('the case page 还款计划 panel (console form)', () => {
  let api: CollectionTestApi;
  let users: Record<'boss' | 'sales' | 'other', Member>;
  let caseId: string;
  let tenantId: string;
  let policies: string;

  const post = (who: Member, path: string, body: Record<string, string>, htmx = true) => {
    const request = api
      .http()
      .post(path)
      .set('Cookie', `qs_session=${who.token}; qs_csrf=${CSRF}`)
      .type('form');
    if (htmx) request.set('HX-Request', 'true');
    return request.send({ _csrf: CSRF, ...body });
  };
  const get = (who: Member, path: string) =>
    api.http().get(path).set('Cookie', `qs_session=${who.token}; qs_csrf=${CSRF}`);
  const plans = () =>
    ownerQuery<{ id: string; status: string; total: string; approval_id: string | null }>(
      api,
      `select id, status, total::text, approval_id from repayment_plans where case_id = $1`,
      [caseId],
    );
  const terms = {
    arrears: '13,200.00',
    penalty: '0',
    waiver: '0',
    downPayment: '1200.00',
    count: '12',
    startOn: D0,
    firstDueOn: '2026-04-02',
  };

  beforeAll(async () => {
    policies = mkdtempSync(join(tmpdir(), 'qs-plan-policies-'));
    cpSync(join(__dirname, '..', '..', 'policies', PACK), join(policies, PACK), {
      recursive: true,
    });
    process.env.QINGSHOU_POLICIES_DIR = policies;
    ({ api, tenantId, users } = await packTenant(PACK, nightOf(D0), {
      boss: ['manager'],
      sales: ['field-collector'],
      other: ['field-collector'],
    }));
    const made = await loan(api, tenantId, {
      name: '华通经销',
      type: 'receivable',
      principal: '13200.00',
      startDate: '2025-12-01',
      dueOn: D0,
    });
    caseId = await openCase(api, tenantId, users.boss.id, made.debtorId);
    await assign(api, users.boss, caseId, users.sales);
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    delete process.env.QINGSHOU_POLICIES_DIR;
    rmSync(policies, { recursive: true, force: true });
  });

  it("states the ledger's arrears and the pack's limits next to the fields", async () => {
    const panel = await get(users.sales, `/console/cases/${caseId}/plans`).expect(200);
    expect(panel.text).toContain('最低首付比例 5%');
    expect(panel.text).toContain('最多 12 期，最长期限 12 个月');
    expect(panel.text).toContain('单期最低金额 ¥500.00');
    expect(panel.text).toContain('计划总额超过 ¥10,000.00 须组长/经理审批');
    expect(panel.text).toContain('本案暂无还款计划');
  });

  it('bad input: 422, the message at each field, no plan saved', async () => {
    const bad = { ...terms, downPayment: '100.00', count: '13' };
    const response = await post(users.sales, `/console/cases/${caseId}/plans`, bad).expect(422);
    expect(response.text).toContain('id="case-plans"');
    expect(response.text).toContain('aria-describedby="plan-propose-downPayment-error"');
    expect(response.text).toContain('首付不得低于计划总额的 5%');
    expect(response.text).toContain('期数须在 1 至 12 期之间');
    const typo = { ...terms, firstDueOn: '下个月' };
    const again = await post(users.sales, `/console/cases/${caseId}/plans`, typo).expect(422);
    expect(again.text).toContain('id="plan-propose-firstDueOn-error"');
    expect(await plans()).toEqual([]);
  });

  it('previews the split to the fen (1,200.00 down, 12 × 1,000.00) without saving', async () => {
    const body = { ...terms, intent: 'preview' };
    const response = await post(users.sales, `/console/cases/${caseId}/plans`, body).expect(200);
    expect(response.text).toContain('分期预览：合计 ¥13,200.00');
    expect(response.text).toContain('第12期');
    expect(response.text).toContain('2027-03-02');
    // 每期间隔 3 months: 4 × 3,000.00 on 04-02, 07-02, 10-02 and 2027-01-02.
    const quarterly = { ...terms, count: '4', intervalMonths: '3', intent: 'preview' };
    const every = await post(users.sales, `/console/cases/${caseId}/plans`, quarterly).expect(200);
    for (const text of ['2026-07-02', '2026-10-02', '2027-01-02', '¥3,000.00'])
      expect(every.text).toContain(text);
    expect(every.text).not.toContain('第5期');
    expect(await plans()).toEqual([]);
  });

  it('saves the plan; above 10,000.00 it waits in the manager’s inbox with its instalments; signed after the yes', async () => {
    await post(users.sales, `/console/cases/${caseId}/plans`, { ...terms, intent: 'save' }, false)
      .expect(303)
      .expect('Location', `/console/cases/${caseId}`);
    const [plan] = await plans();
    expect(plan).toMatchObject({ status: 'proposed', total: '13200.00' });
    const rows = await ownerQuery<{ n: string; sum: string }>(
      api,
      `select count(*)::text as n, sum(amount)::text as sum from plan_instalments where plan_id = $1`,
      [plan.id],
    );
    expect(rows[0]).toEqual({ n: '13', sum: '13200.00' });
    const inbox = await get(users.boss, '/console/approvals').expect(200);
    expect(inbox.text).toContain('还款计划');
    expect(inbox.text).toContain('首付 2026-03-02 ¥1,200.00；第1期 2026-04-02 ¥1,000.00');
    expect(inbox.text).toContain('¥13,200.00');
    // Not yet approved: 客户已签署 is not offered, and a forged post is refused at the form.
    const waiting = await get(users.sales, `/console/cases/${caseId}/plans`).expect(200);
    expect(waiting.text).toContain('待审批');
    expect(waiting.text).not.toContain('客户已签署');
    const early = await post(users.sales, `/console/cases/${caseId}/plans/${plan.id}/agree`, {});
    expect(early.status).toBe(422);
    expect(early.text).toContain('该计划尚待审批通过');
    await post(users.boss, `/console/approvals/${plan.approval_id}/decision`, {
      decision: 'approved',
      note: '同意分期',
    }).expect(201);
    await post(users.sales, `/console/cases/${caseId}/plans/${plan.id}/agree`, {}, false).expect(
      303,
    );
    expect((await plans())[0].status).toBe('active');
    const live = await get(users.sales, `/console/cases/${caseId}/plans`).expect(200);
    expect(live.text).toContain('履行中');
    expect(live.text).toContain('待还');
  });

  it('prints the 分期还款协议书 from the pack template (figures and capitals); the signed scan marks it 已签署', async () => {
    const [plan] = await plans();
    const letter = await get(
      users.sales,
      `/console/cases/${caseId}/plans/${plan.id}/letter`,
    ).expect(200);
    expect(letter.text).toContain('分期还款协议书');
    expect(letter.text).toContain('华通经销');
    expect(letter.text).toContain('壹万叁仟贰佰元整');
    expect(letter.text).toContain('第12期');
    expect(letter.text).toContain('壹仟元整');
    const none = await post(users.sales, `/console/cases/${caseId}/plans/${plan.id}/signed`, {});
    expect(none.status).toBe(422);
    expect(none.text).toContain('请选择签署件扫描文件');
    const scan = Buffer.from('%PDF-1.4 signed agreement scan');
    await api
      .http()
      .post(`/console/cases/${caseId}/plans/${plan.id}/signed`)
      .set('Cookie', `qs_session=${users.sales.token}; qs_csrf=${CSRF}`)
      .set('X-CSRF-Token', CSRF)
      .attach('file', scan, { filename: '协议签署件.pdf', contentType: 'application/pdf' })
      .expect(303);
    const [row] = await ownerQuery<{ sha256: string; original_name: string }>(
      api,
      `select f.sha256, f.original_name from repayment_plans p
       join attachments f on f.tenant_id = p.tenant_id and f.id = p.signed_attachment_id
       where p.id = $1`,
      [plan.id],
    );
    expect(row).toEqual({
      sha256: createHash('sha256').update(scan).digest('hex'),
      original_name: '协议签署件.pdf',
    });
    const panel = await get(users.sales, `/console/cases/${caseId}/plans`).expect(200);
    expect(panel.text).toContain('已签署');
    expect(panel.text).toContain('签署件：协议签署件.pdf');
  });

  it('还款计划台账: the plan register lists the debtor with 总额, 首付, 期数, 已还, 逾期期数 and 状态, and a 合计', async () => {
    const run = await api
      .http()
      .post('/api/v1/reports/plan-register')
      .set('Authorization', `Bearer ${users.boss.token}`)
      .send({ asOf: D0, format: 'html' })
      .expect(201);
    expect(run.body.state).toBe('done');
    const file = await api
      .http()
      .get(`/api/v1/reports/runs/${run.body.id}/download`)
      .set('Authorization', `Bearer ${users.boss.token}`)
      .expect(200);
    const html = String(file.text ?? file.body);
    for (const text of [
      '还款计划台账',
      '华通经销',
      '计划总额',
      '逾期期数',
      '13,200.00',
      '1,200.00',
      '履行中',
      '合计',
    ])
      expect(html).toContain(text);
  });

  it("the case page's letters leave the plan agreement out, and the letter path refuses it by its purpose", async () => {
    const form = await get(users.boss, `/console/cases/${caseId}/letter`).expect(200);
    expect(form.text).toContain(`value="${PACK}/demand-letter"`);
    expect(form.text).not.toContain(`value="${PACK}/plan-agreement"`);
    const refused = await api
      .http()
      .post('/api/v1/notices/preview')
      .set('Authorization', `Bearer ${users.boss.token}`)
      .send({ caseId, templateId: `${PACK}/plan-agreement` })
      .expect(400);
    expect(JSON.stringify(refused.body)).toContain(
      `${PACK}/plan-agreement is the plan agreement (分期还款协议书): print it from the case's 还款计划 panel`,
    );
  });

  withChromium(
    '下载PDF: the agreement printed on the server with the figures, the capitals and the instalment table',
    async () => {
      const [plan] = await plans();
      const panel = await get(users.sales, `/console/cases/${caseId}/plans`).expect(200);
      expect(panel.text).toContain(
        `<a href="/console/cases/${caseId}/plans/${plan.id}/pdf" download data-plan-pdf>下载PDF</a>`,
      );
      const response = await get(users.sales, `/console/cases/${caseId}/plans/${plan.id}/pdf`)
        .buffer(true)
        .parse(binaryBody)
        .expect(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toContain('filename="plan-agreement.pdf"');
      const pdf = response.body as Buffer;
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = await pdfText(pdf);
      for (const words of [
        '分期还款协议书',
        '华通经销',
        '应还总额为人民币13,200.00元（大写：壹万叁仟贰佰元整）',
        '首付',
        '1,200.00壹仟贰佰元整',
        '第1期',
        '第12期2027年3月2日1,000.00壹仟元整',
        '共12期',
      ])
        expect(text).toContain(words);
    },
    180_000,
  );

  it('the agreement, in HTML or PDF, follows the panel: another collector gets 404, the assignee 200', async () => {
    const [plan] = await plans();
    for (const path of ['letter', 'pdf']) {
      await get(users.other, `/console/cases/${caseId}/plans/${plan.id}/${path}`).expect(404);
    }
    await get(users.other, `/console/cases/${caseId}/plans`).expect(404);
  });

  it('prints from the pinned pack version: 1.1.0 on disk changes nothing until the tenant upgrades', async () => {
    const [plan] = await plans();
    const letter = () =>
      get(users.sales, `/console/cases/${caseId}/plans/${plan.id}/letter`).expect(200);
    const file = join(policies, PACK, 'templates', 'plan-agreement.hbs');
    writeFileSync(file, readFileSync(file, 'utf8').replace('一式两份', '一式三份'));
    const yaml = join(policies, PACK, 'pack.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('version: "1.0.0"', 'version: "1.1.0"'));
    const pinned = await letter();
    expect(pinned.text).toContain('本协议一式两份');
    expect(pinned.text).not.toContain('一式三份');
    const [installed] = await ownerQuery<{ id: string }>(
      api,
      `select id from pack_installations where tenant_id = $1 and status = 'active'`,
      [tenantId],
    );
    await api.commands.execute(
      new UpgradePack(meta(tenantId), tenantId, PACK, undefined, {}, installed.id),
    );
    const upgraded = await letter();
    expect(upgraded.text).toContain('本协议一式三份');
  });
});
