import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RedisClient } from '../../libs/db/src';
import { RegisterAccount, RegisterDebtor } from '../../libs/ledger/src';
import { residentId } from '../collection/support/fixtures';
import type { CollectionTestApi } from '../collection/support/collection-api';
import { bearer, meta, openCase, ownerQuery, packTenant } from '../packs/support/pack-scenario';

/**
 * Issue 16 §3 with the agency's pack (篇八: links live 7 days, 4 ID characters, plans up to
 * 5,000.00 agreed at once, 5 wrong answers lock for 30 minutes). A cardholder owes 3,000.00
 * due 2026-02-02; today is 2026-03-02 (Monday), 10:00 in Shanghai.
 */
const NOW = '2026-03-02T02:00:00Z';
const PHONE = '13800138000';

describe("the debtor's own page (债务人自助页面, issue 16 §3)", () => {
  let api: CollectionTestApi;
  let tenantId: string;
  let boss: { id: string; token: string };
  let caseId: string;
  let idNumber: string;

  const smsTexts = async (): Promise<string[]> => {
    const dir = join(api.db.config.NOTICE_OUTBOX_DIR, tenantId, 'sms');
    const names = await readdir(dir).catch(() => [] as string[]);
    const files = await Promise.all(names.map((n) => readFile(join(dir, n), 'utf8')));
    return files;
  };
  const codes = async () =>
    (await smsTexts()).flatMap((t) => [...t.matchAll(/验证码为 (\d{6})/g)].map((m) => m[1]));
  const issue = async () => {
    const res = await api
      .http()
      .post(`/api/v1/cases/${caseId}/debtor-links`)
      .set(bearer(boss.token))
      .send({ channel: 'sms' })
      .expect(201);
    return {
      linkId: res.body.linkId as string,
      path: new URL(res.body.url as string).pathname,
    };
  };
  const verify = (path: string, idTail: string) =>
    api.http().post(`${path}/verify`).type('form').send({ idTail });
  const enter = (path: string, code: string) =>
    api.http().post(`${path}/code`).type('form').send({ code });
  const login = async (path: string) => {
    const before = new Set(await codes());
    await verify(path, idNumber.slice(-4)).expect(200);
    // The sink names files by a hash, not by time: the new code is the one not seen before.
    const fresh = (await codes()).filter((c) => !before.has(c));
    expect(fresh).toHaveLength(1);
    const res = await enter(path, fresh[0]).expect(303);
    const cookie = String(res.headers['set-cookie']).split(';')[0];
    return cookie;
  };

  beforeAll(async () => {
    let users;
    ({ api, tenantId, users } = await packTenant('card-collection-agency', NOW, {
      boss: ['manager'],
    }));
    boss = users.boss;
    idNumber = residentId();
    const debtor = await api.commands.execute(
      new RegisterDebtor(meta(tenantId), {
        kind: 'person',
        name: '王小明',
        idNumber,
        phones: [PHONE],
      }),
    );
    await api.commands.execute(
      new RegisterAccount(meta(tenantId), {
        debtorId: debtor.id,
        type: 'card-account',
        source: 'test',
        externalRef: 'CARD-00004321',
        principal: '3000.00',
        annualRate: '0',
        startDate: '2025-12-01',
        schedule: {
          method: 'given',
          installments: [{ dueDate: '2026-02-02', principal: '3000.00', interest: '0.00' }],
        },
      }),
    );
    caseId = await openCase(api, tenantId, boss.id, debtor.id);
  }, 180_000);
  afterAll(async () => api?.close());

  it('a link by SMS, the ID tail and a code by SMS open the page: masked name, the balance to the fen', async () => {
    const { path } = await issue();
    const [linkSms] = await smsTexts();
    expect(linkSms).toContain(`To: ${PHONE}`);
    expect(linkSms).toContain(path);
    expect(linkSms).toContain('证件号码后4位');
    const cookie = await login(path);
    const page = await api.http().get(path).set('Cookie', cookie).expect(200);
    expect(page.text).toContain('王*');
    expect(page.text).not.toContain('王小明');
    expect(page.text).not.toContain(idNumber);
    expect(page.text).toContain('尾号4321');
    expect(page.text).toContain('3,000.00');
    expect(page.text).toContain('合计');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.text).not.toContain('<script');
  });

  it('a plan of 3,000.00 (≤ 5,000.00) is agreed at once through ProposePlan + AgreePlan, as the debtor', async () => {
    const { linkId, path } = await issue();
    const cookie = await login(path);
    const page = await api.http().get(path).set('Cookie', cookie).expect(200);
    const token = /name="_t" value="([^"]+)"/.exec(page.text)?.[1] as string;
    // 10% down is the least: 200.00 of 3,000.00 is refused at its field, in Chinese.
    const low = await api
      .http()
      .post(`${path}/act/plan`)
      .set('Cookie', cookie)
      .type('form')
      .send({ _t: token, downPayment: '200.00', count: '3', firstDueOn: '2026-04-02' })
      .expect(422);
    expect(low.text).toContain('首付不得低于欠款合计的 10%');
    await api
      .http()
      .post(`${path}/act/plan`)
      .set('Cookie', cookie)
      .type('form')
      .send({ _t: token, downPayment: '300.00', count: '3', firstDueOn: '2026-04-02' })
      .expect(303)
      .expect('Location', `${path}?done=plan-agreed`);
    const [plan] = await ownerQuery<{ status: string; total: string; proposed_by: string }>(
      api,
      `select status, total::text, proposed_by from repayment_plans where case_id = $1`,
      [caseId],
    );
    expect(plan).toEqual({
      status: 'active',
      total: '3000.00',
      proposed_by: `debtor-self:${linkId}`,
    });
    const rows = await ownerQuery<{ amount: string }>(
      api,
      `select i.amount::text from plan_instalments i join repayment_plans p
         on p.tenant_id = i.tenant_id and p.id = i.plan_id where p.case_id = $1 order by seq`,
      [caseId],
    );
    expect(rows.map((r) => r.amount)).toEqual(['300.00', '900.00', '900.00', '900.00']);
    const audit = await ownerQuery<{ type: string }>(
      api,
      `select type from event_log where actor_id = $1 order by seq`,
      [`debtor-self:${linkId}`],
    );
    expect(audit.map((a) => a.type)).toEqual(
      expect.arrayContaining([
        'DebtorCodeSent',
        'DebtorVerified',
        'DebtorPageViewed',
        'PlanProposed',
        'PlanAgreed',
      ]),
    );
  });

  it('a call back inside 08:00–21:00 becomes a call task on the case; 22:00 is refused at the field', async () => {
    const { path } = await issue();
    const cookie = await login(path);
    const page = await api.http().get(path).set('Cookie', cookie).expect(200);
    const token = /name="_t" value="([^"]+)"/.exec(page.text)?.[1] as string;
    const late = await api
      .http()
      .post(`${path}/act/callback`)
      .set('Cookie', cookie)
      .type('form')
      .send({ _t: token, date: '2026-03-03', time: '22:00' })
      .expect(422);
    expect(late.text).toContain('请选择 08:00 至 21:00 之间的时间');
    await api
      .http()
      .post(`${path}/act/callback`)
      .set('Cookie', cookie)
      .type('form')
      .send({ _t: token, date: '2026-03-03', time: '15:30' })
      .expect(303);
    const tasks = await ownerQuery<{ kind: string; due_at: Date }>(
      api,
      `select kind, due_at from tasks where case_id = $1 and title like '债务人预约回电%'`,
      [caseId],
    );
    expect(tasks).toEqual([{ kind: 'call', due_at: new Date('2026-03-03T07:30:00Z') }]);
  });

  it('a promise and a dispute with a receipt land on the case through RecordPromise and RaiseDispute', async () => {
    const { path } = await issue();
    const cookie = await login(path);
    const page = await api.http().get(path).set('Cookie', cookie).expect(200);
    const token = /name="_t" value="([^"]+)"/.exec(page.text)?.[1] as string;
    const accountId = /<option value="([0-9a-f-]{36})">尾号4321/.exec(page.text)?.[1] as string;
    await api
      .http()
      .post(`${path}/act/promise`)
      .set('Cookie', cookie)
      .type('form')
      .send({ _t: token, amount: '500', dueOn: '2026-03-09' })
      .expect(303);
    await api
      .http()
      .post(`${path}/act/dispute`)
      .set('Cookie', cookie)
      .field('_t', token)
      .field('accountId', accountId)
      .field('kind', 'already-paid')
      .field('note', '已于2月1日转账还款')
      .attach('files', Buffer.from('%PDF-1.4 receipt'), {
        filename: 'receipt.pdf',
        contentType: 'application/pdf',
      })
      .expect(303);
    const promises = await ownerQuery<{ amount: string; due_on: string }>(
      api,
      `select amount::text, due_on::text from promises where case_id = $1`,
      [caseId],
    );
    expect(promises).toEqual([{ amount: '500.00', due_on: '2026-03-09' }]);
    const disputes = await ownerQuery<{ kind: string; raised_by_party: string; files: number }>(
      api,
      `select kind, raised_by_party, cardinality(attachment_ids) as files from disputes
        where case_id = $1`,
      [caseId],
    );
    expect(disputes).toEqual([{ kind: 'already-paid', raised_by_party: 'debtor', files: 1 }]);
  });

  it('wrong id, unknown, revoked and expired links, and a wrong code answer the same; five wrong codes lock the link', async () => {
    const unknown = `/d/${'A'.repeat(43)}`;
    const bodyOf = async (path: string, idTail: string, code: string) => {
      const a = await verify(path, idTail).expect(200);
      const b = await enter(path, code).expect(200);
      // The page names its own address; apart from that every answer is the same.
      return [a.text, b.text].map((t) => t.split(path).join('/d/<link>'));
    };
    const reference = await bodyOf(unknown, '1234', '000000');
    const revoked = await issue();
    await api
      .http()
      .delete(`/api/v1/cases/${caseId}/debtor-links/${revoked.linkId}`)
      .set(bearer(boss.token))
      .expect(204);
    const sentBefore = (await codes()).length;
    expect(await bodyOf(revoked.path, idNumber.slice(-4), '000000')).toEqual(reference);
    const live = await issue();
    expect(await bodyOf(live.path, '0000', '000000')).toEqual(reference);
    expect((await codes()).length).toBe(sentBefore);
    // Five wrong answers (one wrong ID tail above + four codes): the right code no longer opens it.
    const seen = new Set(await codes());
    await verify(live.path, idNumber.slice(-4)).expect(200);
    for (let i = 0; i < 3; i += 1) await enter(live.path, '000000').expect(200);
    const [right] = (await codes()).filter((c) => !seen.has(c));
    const locked = await enter(live.path, right).expect(200);
    expect(locked.text.split(live.path).join('/d/<link>')).toBe(reference[1]);
    const [row] = await ownerQuery<{ locked_until: Date | null }>(
      api,
      `select locked_until from debtor_links where id = $1`,
      [live.linkId],
    );
    expect(row.locked_until).toEqual(new Date('2026-03-02T02:30:00Z'));
    // A link past its 7 days answers as if it never existed.
    const old = await issue();
    api.clock.set('2026-03-09T02:00:01Z');
    expect(await bodyOf(old.path, idNumber.slice(-4), '000000')).toEqual(reference);
    api.clock.set(NOW);
  });

  it('the 31st step on one link within 15 minutes is refused (429, Retry-After) whether or not the link exists', async () => {
    const unknown = `/d/${'B'.repeat(43)}`;
    for (let i = 0; i < 30; i += 1) await verify(unknown, '1234').expect(200);
    const refused = await verify(unknown, '1234').expect(429);
    expect(refused.text).toContain('操作过于频繁');
    // 02:00:00Z is the start of a 15-minute window: 900 seconds to its end.
    expect(refused.headers['retry-after']).toBe('900');
    // Counted in Redis under the link's hash, so every API instance sees the same count.
    const keys = await api.app.get(RedisClient).keys(`*selfsvc:link:*`);
    expect(keys.length).toBeGreaterThan(0);
  });
});
