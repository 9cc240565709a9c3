import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Client } from 'pg';
import { Clock, FixedClock } from '../../libs/calendar/src';
import { systemMeta } from '../../libs/core/src';
import { IssueCaseNotice, type CaseNoticeOutcome } from '../../libs/engine/src';
import { hashToken, IssueDebtorLink } from '../../libs/self-service/src';
import { readLetterQr } from '../support/qr-read';
import { connect } from '../support/test-db';
import {
  ConsoleE2e,
  describeInBrowser,
  E2E_NOW,
  keepScreenshot,
  logIn,
  startConsoleE2e,
} from './support/console-e2e';
import { leaksIn } from './support/zh-leaks';

const PHONE = { width: 390, height: 844 };
const SIDEWAYS = 'document.documentElement.scrollWidth - document.documentElement.clientWidth';
const SHOTS = process.env.DEBTOR_SHOTS;

/**
 * Issue 16 §3 in Chromium at 390×844, on the agency's small demo book: the letter's QR link
 * opened, the ID tail and the code from the SMS sink, a plan inside the client bank's terms
 * proposed by the cardholder — and there on the collector's case page. An expired link, a
 * revoked one, five wrong codes and another debtor's link all answer the same words.
 */
describeInBrowser("the debtor's own page on a phone (card collection agency)", () => {
  let e2e: ConsoleE2e;
  let db: Client;
  let tenantId: string;
  let target: { caseId: string; id: string; assignee: string; total: string };

  const sms = async () => {
    const dir = join(e2e.api.db.config.NOTICE_OUTBOX_DIR, tenantId, 'sms');
    const names = await readdir(dir).catch(() => [] as string[]);
    return Promise.all(names.map((n) => readFile(join(dir, n), 'utf8')));
  };
  const codes = async () =>
    (await sms()).flatMap((t) => [...t.matchAll(/验证码为 (\d{6})/g)].map((m) => m[1]));
  const issue = async (caseId: string, channel: 'letter-qr' | 'sms') =>
    e2e.api.commands.execute(
      new IssueDebtorLink(
        systemMeta({ tenantId, actorId: 'e2e-clerk', correlationId: 'e2e' }),
        caseId,
        channel,
      ),
    );
  const path = (url: string) => new URL(url).pathname;

  beforeAll(async () => {
    e2e = await startConsoleE2e(['demo-agency'], 16);
    db = await connect(e2e.api.db.ownerUrl);
    tenantId = (await db.query(`select id from tenants where slug = 'demo-agency'`)).rows[0].id;
    // The open, assigned case with a phone on file and the smallest arrears.
    const rows = await db.query(
      `select c.id as "caseId", d.id_number as id, c.assignee_id as assignee
         from cases c join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
        where c.tenant_id = $1 and c.status not in ('closed', 'settled', 'written-off', 'returned')
          and c.assignee_id is not null and cardinality(d.phones) > 0
          and not exists (select 1 from repayment_plans p where p.case_id = c.id
                          and p.status in ('proposed', 'active'))
        order by c.id limit 1`,
      [tenantId],
    );
    target = { ...rows.rows[0], total: '' };
  }, 240_000);
  afterAll(async () => {
    await db?.end();
    await e2e?.close();
  });

  it('opens the QR link of a letter, verifies with the SMS code and proposes a plan the collector sees', async () => {
    // The agency's 信用卡欠款催收函 for the case, issued as the console issues it; its QR is
    // read from the rendered letter, and that link is the one the debtor opens.
    const outcome: CaseNoticeOutcome = await e2e.api.commands.execute(
      new IssueCaseNotice(systemMeta({ tenantId, actorId: 'e2e-clerk', correlationId: 'e2e' }), {
        caseId: target.caseId,
        templateId: 'card-collection-agency/collection-letter',
        idempotencyKey: 'e2e-qr-letter',
      }),
    );
    if (outcome.status !== 'issued') throw new Error(`letter ${outcome.status}`);
    const html = (
      await db.query(`select rendered_html from notices where tenant_id = $1 and id = $2`, [
        tenantId,
        outcome.notice.id,
      ])
    ).rows[0].rendered_html as string;
    const url = readLetterQr(html);
    expect(html).toContain(`${url}</figcaption>`);
    const token = path(url).split('/').pop() as string;
    const links = await db.query(
      `select id, channel from debtor_links where tenant_id = $1 and token_hash = $2`,
      [tenantId, hashToken(token)],
    );
    expect(links.rows).toEqual([{ id: expect.any(String), channel: 'letter-qr' }]);
    const link = { linkId: links.rows[0].id as string, url };
    const page = await e2e.newPage(PHONE);
    await page.goto(path(link.url));
    await page.getByLabel('证件号码后几位').fill(target.id.slice(-4));
    const seen = new Set(await codes());
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByLabel('六位验证码').waitFor();
    const [code] = (await codes()).filter((c) => !seen.has(c));
    await page.getByLabel('六位验证码').fill(code);
    await page.getByRole('button', { name: '核验并进入' }).click();
    await page.getByRole('heading', { name: /欠款余额/ }).waitFor();
    expect(await page.evaluate(SIDEWAYS)).toBe(0);
    expect(leaksIn(await page.locator('body').innerText())).toEqual([]);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/debtor-page.png`, fullPage: true });
    await keepScreenshot(page, 'debtor-self-service');
    const total = await page.locator('tr.total td.n').last().innerText();
    // A tenth down (rounded up to the yuan), the rest over 6 months from next month.
    const fen = Math.round(Number(total.replace(/,/g, '')) * 100);
    const down = `${Math.ceil(fen / 1000)}.00`;
    await page.getByText('申请分期还款').click();
    await page.getByLabel(/首付/).fill(down);
    await page.getByLabel(/期数/).fill('6');
    await page.getByLabel('首期还款日').fill('2026-04-11');
    await page.getByRole('button', { name: '提交分期申请' }).click();
    await page.getByText(/分期还款计划已生效|分期申请已提交/).waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/debtor-plan-done.png`, fullPage: true });
    const plans = await db.query(
      `select status, proposed_by from repayment_plans where case_id = $1`,
      [target.caseId],
    );
    expect(plans.rows).toHaveLength(1);
    expect(plans.rows[0].proposed_by).toBe(`debtor-self:${link.linkId}`);
    // The assigned collector sees it on the case page's plan panel.
    const collector = [...e2e.users.values()].find((u) => u.userId === target.assignee);
    expect(collector).toBeDefined();
    const desk = await e2e.newPage(PHONE);
    await logIn(desk, collector!);
    await desk.goto(`/console/cases/${target.caseId}`);
    await desk.locator('#case-plans [data-plan]').first().waitFor();
    await desk.locator('#case-self-service').waitFor();
    if (SHOTS) await desk.screenshot({ path: `${SHOTS}/collector-case.png`, fullPage: true });
  });

  it('an expired link, a revoked link, five wrong codes and another debtor’s link id say the same', async () => {
    const page = await e2e.newPage(PHONE);
    const answer = async (url: string, idTail: string, code: string) => {
      await page.goto(url);
      await page.getByLabel('证件号码后几位').fill(idTail);
      await page.getByRole('button', { name: '下一步' }).click();
      await page.getByLabel('六位验证码').fill(code);
      await page.getByRole('button', { name: '核验并进入' }).click();
      return page.locator('main').innerText();
    };
    const reference = await answer(`/d/${'Q'.repeat(43)}`, '1234', '000000');
    expect(reference).toContain('验证码不正确或已失效');
    // Another debtor's link: the right ID tail of this debtor opens nothing there.
    const others = await db.query(
      `select c.id from cases c where c.tenant_id = $1 and c.id <> $2
         and c.status not in ('closed', 'settled', 'written-off', 'returned') limit 1`,
      [tenantId, target.caseId],
    );
    const other = await issue(others.rows[0].id, 'letter-qr');
    expect(await answer(path(other.url), target.id.slice(-4), '000000')).toBe(reference);
    const revoked = await issue(target.caseId, 'letter-qr');
    await db.query(`update debtor_links set revoked_at = now() where id = $1`, [revoked.linkId]);
    expect(await answer(path(revoked.url), target.id.slice(-4), '000000')).toBe(reference);
    const locked = await issue(target.caseId, 'letter-qr');
    for (let i = 0; i < 5; i += 1) {
      expect(await answer(path(locked.url), target.id.slice(-4), '000000')).toBe(reference);
    }
    const right = (await codes()).slice(-1)[0];
    await page.getByLabel('六位验证码').fill(right);
    await page.getByRole('button', { name: '核验并进入' }).click();
    expect(await page.locator('main').innerText()).toBe(reference);
    const expired = await issue(target.caseId, 'letter-qr');
    const clock = e2e.api.app.get(Clock) as FixedClock;
    clock.set('2026-03-19T02:00:00Z');
    expect(await answer(path(expired.url), target.id.slice(-4), '000000')).toBe(reference);
    clock.set(E2E_NOW);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/debtor-refused.png`, fullPage: true });
  });
});
