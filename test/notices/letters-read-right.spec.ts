import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { systemMeta } from '../../libs/core/src';
import { RegisterAccount, RegisterDebtor } from '../../libs/ledger/src';
import { IssueNotice, type NoticeInputField } from '../../libs/notices/src';
import { LaunchDrive } from '../../libs/outcomes/src';
import { InstallPack, PackLoader, PackRegistry, type ResolvedPack } from '../../libs/policy/src';
import type { CollectionTestApi } from '../collection/support/collection-api';
import {
  bearer,
  loan,
  Member,
  meta,
  noticeHtml,
  openCase,
  ownerQuery,
  plain,
  runNight,
  startEngineApi,
  tenantWithUsers,
} from '../packs/support/pack-scenario';
import { caseLetters } from './support/case-letters';

const POLICIES = resolve(__dirname, '../../policies');
/** The six packs offices use (the test-* packs are fixtures of other specs). */
const PACKS = readdirSync(POLICIES, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !d.name.startsWith('test-'))
  .map((d) => d.name)
  .sort();
const REQUIRED_PARAMS: Record<string, Record<string, unknown>> = {
  'credit-coop-npl-drive': { launchDate: '2026-03-09', amnestyDate: '2026-03-20' },
};
const GUARANTOR_ONLY = new Set(['microloan-overdue/guarantor-demand']);
const LETTER_DATE = '2026-03-11';
/** The oldest unpaid due date of the demo case: 2026-03-11 − 2026-03-02 = 9 days. */
const DPD_ON_LETTER_DATE = 9;

function sample(field: NoticeInputField): unknown {
  if (field.type === 'date') return '2026-03-11';
  if (field.type === 'money') return '1200.50';
  if (field.type === 'integer') return 3;
  return `样例${field.name}`;
}

/**
 * Issue 13 §6, letters read right. Every template of every one of the six packs renders, for
 * a demo-like case (张欠款, a resident ID, 10,000.00 half due 2026-03-02, guarantor 李担保),
 * as the debtor receives it: the salutation names the debtor once (张欠款先生/女士), the body
 * speaks to them (您, or 贵方 / 贵单位 to a business), never "张欠款在我…/在本…", and every
 * "已逾期N天" is as of the letter's date. A housing-fund employer (县煤矿, three months unpaid)
 * gets 贵单位 wording with no 借款. Data computed two days before the letter prints the DPD
 * of the letter's date.
 */
describe('letters read right (issue 13 §6)', () => {
  let api: CollectionTestApi;
  const loader = new PackLoader(new PackRegistry(POLICIES));
  const tenants = new Map<
    string,
    { tenantId: string; caseId: string; boss: Member; pack: ResolvedPack; debtorId: string }
  >();
  let employerCase = '';

  const preview = (id: string, caseId: string, template: string, recipient?: string) => {
    const { boss, pack } = tenants.get(id)!;
    const input = Object.fromEntries(
      (pack.templates[template].input ?? []).map((f) => [f.name, sample(f)]),
    );
    return api
      .http()
      .post('/api/v1/notices/preview')
      .set(bearer(boss.token))
      .send({
        caseId,
        templateId: `${id}/${template}`,
        input,
        ...(recipient ? { recipient } : {}),
      });
  };

  beforeAll(async () => {
    api = await startEngineApi(`${LETTER_DATE}T10:00:00+08:00`);
    for (const id of PACKS) {
      const params = REQUIRED_PARAMS[id] ?? {};
      const loaded = loader.load(id, undefined, { mode: 'install', params });
      if (!loaded.ok) throw new Error(`${id}: ${JSON.stringify(loaded.problems)}`);
      const pack = loaded.pack;
      const { tenantId, users } = await tenantWithUsers(api, `letters-${id}`, {
        boss: ['manager'],
      });
      await api.commands.execute(new InstallPack(meta(tenantId), tenantId, id, undefined, params));
      const made = await loan(api, tenantId, {
        name: '张欠款',
        type: (pack.spec.accountTypes?.[0] ?? 'loan') as never,
        principal: '10000.00',
        annualRate: '0.072',
        startDate: '2025-09-02',
        dueOn: '2026-03-02',
        installments: [
          { dueDate: '2026-03-02', principal: '5000.00' },
          { dueDate: '2026-09-02', principal: '5000.00' },
        ],
        guarantor: '李担保',
      });
      const caseId = await openCase(api, tenantId, users.boss.id, made.debtorId);
      const drive = pack.spec.drives?.[0];
      if (drive)
        await api.commands.execute(new LaunchDrive(meta(tenantId), drive.id, '2026-03-09'));
      tenants.set(id, { tenantId, caseId, boss: users.boss, pack, debtorId: made.debtorId });
      if (id === 'housing-fund') employerCase = await employer(tenantId, users.boss.id);
    }
  }, 300_000);
  afterAll(async () => api?.close());

  /** 县煤矿 owes 2,000.00 a month for January to March 2026 and has paid none of it. */
  async function employer(tenantId: string, bossId: string): Promise<string> {
    const debtor = await api.commands.execute(
      new RegisterDebtor(meta(tenantId), {
        kind: 'organisation',
        name: '县煤矿',
        idNumber: '91350100M000100Y43',
      }),
    );
    await api.commands.execute(
      new RegisterAccount(meta(tenantId), {
        debtorId: debtor.id,
        type: 'employer-contribution',
        source: 'test',
        externalRef: 'GJJ-2026-001',
        principal: '6000.00',
        annualRate: '0',
        startDate: '2025-12-31',
        schedule: {
          method: 'given',
          installments: ['2026-01-05', '2026-02-05', '2026-03-05'].map((dueDate) => ({
            dueDate,
            principal: '2000.00',
            interest: '0.00',
          })),
        },
      }),
    );
    return openCase(api, tenantId, bossId, debtor.id);
  }

  it('covers the six packs and all their templates', () => {
    expect(PACKS).toHaveLength(6);
    const count = [...tenants.values()].reduce(
      (n, t) => n + Object.keys(caseLetters(t.pack.templates)).length,
      0,
    );
    expect(count).toBe(15);
    const plans = [...tenants.values()].filter((t) => t.pack.templates['plan-agreement']);
    expect(plans).toHaveLength(6);
  });

  it.each(PACKS)(
    '%s: every letter to the debtor says 您/贵方, names them once, DPD of the letter date',
    async (id) => {
      const { caseId, pack } = tenants.get(id)!;
      const failures: string[] = [];
      for (const [name, template] of Object.entries(caseLetters(pack.templates))) {
        // The guarantor's demand goes to the guarantor only: it names the borrower, rightly.
        if (GUARANTOR_ONLY.has(`${id}/${name}`)) continue;
        const response = await preview(id, caseId, name);
        if (response.status !== 200) {
          failures.push(`${name}: ${response.status} ${JSON.stringify(response.body)}`);
          continue;
        }
        const text = plain(String(response.body.html));
        if (/张欠款在(我|本)/.test(text)) failures.push(`${name}: third person "张欠款在我/本…"`);
        if (!/您|贵方|贵单位/.test(text)) failures.push(`${name}: no 您/贵方/贵单位`);
        if (template.channel === 'letter' && !/张欠款(先生|女士)（|张欠款(先生|女士)：/.test(text))
          failures.push(`${name}: the salutation does not name 张欠款先生/女士`);
        for (const [, days] of text.matchAll(/已逾期(\d+)天/g)) {
          if (Number(days) !== DPD_ON_LETTER_DATE)
            failures.push(`${name}: 已逾期${days}天, not ${DPD_ON_LETTER_DATE}`);
        }
      }
      expect(failures).toEqual([]);
    },
  );

  it('a letter to the guarantor names the borrower and speaks to the guarantor', async () => {
    const { caseId } = tenants.get('housing-fund')!;
    const response = await preview('housing-fund', caseId, 'loan-overdue', 'guarantor');
    expect(response.status).toBe(200);
    const text = plain(String(response.body.html));
    expect(text).toContain('李担保（担保人）：');
    expect(text).toContain('借款人张欠款在我中心办理的');
    expect(text).toContain('请您接到本通知后督促借款人');
  });

  it('the microloan guarantor demand speaks to the guarantor (您为借款人…提供了担保)', async () => {
    const { caseId } = tenants.get('microloan-overdue')!;
    const response = await preview('microloan-overdue', caseId, 'guarantor-demand', 'guarantor');
    expect(response.status).toBe(200);
    const text = plain(String(response.body.html));
    expect(text).toContain('李担保：');
    expect(text).toContain('您为张欠款在本机构的贷款');
    expect(text).toContain(`该笔贷款已逾期${DPD_ON_LETTER_DATE}天`);
  });

  it.each(['contribution-demand', 'loan-overdue'])(
    'housing-fund %s to an employer: 贵单位, 单位名称, 欠缴3个月, 6,000.00, no 借款 wording',
    async (template) => {
      const response = await preview('housing-fund', employerCase, template);
      expect(response.status).toBe(200);
      const html = String(response.body.html);
      // The body under the title (loan-overdue keeps its front-matter title: see the report).
      const body = plain(html.slice(html.indexOf('</h1>')));
      expect(body).toContain('县煤矿：');
      expect(body).toContain('贵单位（单位名称：县煤矿');
      expect(body).toContain('已欠缴3个月');
      expect(body).toContain('人民币6,000.00元（大写：陆仟元整）');
      expect(body).not.toMatch(/借款|贷款|借款人/);
    },
  );

  it('data computed two days before the letter prints the DPD of the letter date (12, not 10)', async () => {
    const { tenantId, caseId, debtorId } = tenants.get('housing-fund')!;
    // The night of 03-12 (after the case opened) issues the loan letter, its data as of 03-12.
    await runNight(api, tenantId, '2026-03-12');
    const [stored] = await ownerQuery<{ data: Record<string, Record<string, unknown>> }>(
      api,
      `select data from notices where case_id = $1 and template_id = 'housing-fund/loan-overdue'
       order by created_at limit 1`,
      [caseId],
    );
    expect(stored.data.account).toMatchObject({ dpd: 10, dpdSince: '2026-03-02' });
    expect(stored.data.notice.issuedOn).toBe('2026-03-12');
    // Issued two days later with that same data (as a held letter is): dated 03-14, DPD 12.
    api.clock.set(new Date('2026-03-14T10:00:00+08:00'));
    const { tenant: _t, notice: _n, ...data } = stored.data;
    const issued = await api.commands.execute(
      new IssueNotice(systemMeta({ tenantId, actorId: 'test', correlationId: randomUUID() }), {
        templateId: 'housing-fund/loan-overdue',
        debtorId,
        caseId,
        idempotencyKey: `letters-read-right-${randomUUID()}`,
        data,
      }),
    );
    const [row] = await ownerQuery<{ dpd: string; issued_on: string }>(
      api,
      `select data#>>'{account,dpd}' as dpd, data#>>'{notice,issuedOn}' as issued_on
       from notices where id = $1`,
      [issued.notice.id],
    );
    expect(row.issued_on).toBe('2026-03-14');
    expect(Number(row.dpd)).toBe(12); // 2026-03-14 − 2026-03-02
    const html = await noticeHtml(api, tenants.get('housing-fund')!.boss.token, issued.notice.id);
    expect(plain(html)).toContain('自2026年3月2日起未按月足额还款，已逾期12天');
  });
});
