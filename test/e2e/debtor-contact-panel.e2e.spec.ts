import type { Client } from 'pg';
import { connect } from '../support/test-db';
import {
  ConsoleE2e,
  describeInBrowser,
  keepScreenshot,
  logIn,
  startConsoleE2e,
} from './support/console-e2e';
import { leaksIn } from './support/zh-leaks';

const PHONE = { width: 390, height: 844 };
/** Sideways scroll in pixels, as a page expression (the test's TypeScript has no DOM lib). */
const SIDEWAYS = 'document.documentElement.scrollWidth - document.documentElement.clientWidth';

/**
 * Issue 11 §2 as the microloan's 信贷员 does it on a phone: open a case of theirs, see the
 * guarantor's number whole as a tel: link, add the work number the debtor gave, mark the old
 * mobile 空号 and, when nothing answers, the debtor 失联 — each checked in the database — and
 * the page never scrolls sideways at 390×844.
 */
describeInBrowser('debtor contact panel on the case page (microloan collector, phone)', () => {
  let e2e: ConsoleE2e;
  let db: Client;

  beforeAll(async () => {
    e2e = await startConsoleE2e(['demo-microloan'], { size: 40, kpiDays: 1 });
    db = await connect(e2e.api.db.ownerUrl);
  }, 120_000);
  afterAll(async () => {
    await db?.end();
    await e2e?.close();
  });

  it('tel: link to the guarantor, add a phone, mark the old one 空号, mark 失联; no sideways scroll', async () => {
    const officer = e2e.users.get('xd.officer1')!;
    const { rows } = await db.query<{
      case_id: string;
      debtor_id: string;
      phone: string;
      guarantor: string;
    }>(
      `select c.id as case_id, d.id as debtor_id, d.phones[1] as phone, r.phone as guarantor
       from cases c
       join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
       join related_parties r on r.tenant_id = d.tenant_id and r.debtor_id = d.id
         and r.kind = 'guarantor' and r.phone is not null
       where c.assignee_id = $1 and c.status not in ('closed', 'written-off')
       order by c.id limit 1`,
      [officer.userId],
    );
    expect(rows).toHaveLength(1);
    const { case_id: caseId, debtor_id: debtorId, phone: oldPhone, guarantor } = rows[0];
    const points = (value: string) =>
      db.query<{ source: string; status: string; subtype: string }>(
        `select source, status, subtype from debtor_contact_points
         where debtor_id = $1 and value = $2 and related_party_id is null`,
        [debtorId, value],
      );

    const page = await e2e.newPage(PHONE);
    await logIn(page, officer);
    await page.goto(`/console/cases/${caseId}`);
    const panel = page.locator('#case-contacts');
    // The assigned collector: the guarantor's number whole, as a link to dial.
    await panel.locator(`.cp-party a[href="tel:${guarantor}"]`).waitFor();
    await panel.getByText('本案由您负责').waitFor();
    expect(await panel.locator(`a[href="tel:${oldPhone}"]`).count()).toBe(1);
    expect(await page.evaluate(SIDEWAYS)).toBeLessThanOrEqual(0);
    await keepScreenshot(page, 'debtor-contact-panel');

    // A bad number is refused at the field in Chinese, and nothing is saved.
    await panel.locator('summary', { hasText: '新增电话或地址' }).click();
    await panel.getByLabel('类型').selectOption({ label: '单位电话' });
    await panel.getByLabel('号码或地址').fill('问村委会');
    await panel.getByRole('button', { name: '保存' }).click();
    await panel.getByText('请填写 5–20 位数字的电话号码').waitFor();
    expect((await points('问村委会')).rows).toEqual([]);

    // The work number the debtor gave: saved as 单位电话, 债务人告知, 有效, and dialable.
    await panel.getByLabel('号码或地址').fill('0571-8765 4321');
    await panel.getByLabel('来源').selectOption({ label: '债务人告知' });
    await panel.getByRole('button', { name: '保存' }).click();
    await panel.getByText('已新增联系方式').waitFor();
    await panel.locator('a[href="tel:057187654321"]').waitFor();
    expect((await points('057187654321')).rows).toEqual([
      { source: 'debtor', status: 'valid', subtype: 'work-phone' },
    ]);
    const { rows: debtor } = await db.query<{ phones: string[] }>(
      `select phones from debtors where id = $1`,
      [debtorId],
    );
    expect(debtor[0].phones).toContain('057187654321');

    // The old mobile is 空号: struck through, no longer a link.
    const old = panel.locator('li.cp', { has: page.locator(`a[href="tel:${oldPhone}"]`) });
    await old.getByLabel('状态').selectOption({ label: '空号' });
    await old.getByRole('button', { name: '更新状态' }).click();
    await panel.getByText('联系方式状态已更新').waitFor();
    expect(await panel.locator(`a[href="tel:${oldPhone}"]`).count()).toBe(0);
    expect((await points(oldPhone)).rows).toEqual([
      { source: 'contract', status: 'empty', subtype: 'mobile' },
    ]);

    // 失联: confirmed, then the badge on the panel and one live flag on the debtor.
    page.once('dialog', (dialog) => void dialog.accept());
    await panel.getByRole('button', { name: '标记失联' }).click();
    await panel.getByText('已标记为失联').waitFor();
    await panel.locator('.badge.danger', { hasText: '失联' }).waitFor();
    const { rows: flags } = await db.query<{ flag: string; case_id: string }>(
      `select flag, case_id from pack_flags
       where subject = 'debtor' and subject_id = $1 and cleared_on is null`,
      [debtorId],
    );
    expect(flags).toEqual([{ flag: 'lost-contact', case_id: caseId }]);
    expect(await page.evaluate(SIDEWAYS)).toBeLessThanOrEqual(0);
    // All Chinese: no code, English word or ISO time on the panel (议题 11 §8).
    expect(leaksIn(await panel.innerText())).toEqual([]);
    await keepScreenshot(page, 'debtor-contact-panel-after');
  });

  it('the manager sees the numbers masked and 显示完整 shows them whole, audited', async () => {
    const manager = e2e.users.get('xd.manager')!;
    const officer = e2e.users.get('xd.officer1')!;
    const { rows } = await db.query<{ case_id: string; guarantor: string }>(
      `select c.id as case_id, r.phone as guarantor
       from cases c
       join related_parties r on r.tenant_id = c.tenant_id and r.debtor_id = c.debtor_id
         and r.kind = 'guarantor' and r.phone is not null
       where c.assignee_id = $1 order by c.id desc limit 1`,
      [officer.userId],
    );
    const { case_id: caseId, guarantor } = rows[0];
    const audits = async () =>
      (
        await db.query<{ n: number }>(
          `select count(*)::int as n from event_log where type = 'PersonalDataViewed'
             and actor_id = $1 and payload->>'caseId' = $2 and payload->>'basis' = 'revealed'`,
          [manager.userId, caseId],
        )
      ).rows[0].n;

    const page = await e2e.newPage(PHONE);
    await logIn(page, manager);
    await page.goto(`/console/cases/${caseId}`);
    const panel = page.locator('#case-contacts');
    await panel.getByText('号码和地址已部分隐藏').waitFor();
    expect(await panel.locator('a[href^="tel:"]').count()).toBe(0);
    expect(await panel.textContent()).not.toContain(guarantor);
    expect(await audits()).toBe(0);

    await panel.getByRole('link', { name: '显示完整' }).click();
    await panel.locator(`a[href="tel:${guarantor}"]`).waitFor();
    await panel.getByText('已完整显示').waitFor();
    expect(await audits()).toBe(1);
    expect(leaksIn(await panel.innerText())).toEqual([]);
  });
});
