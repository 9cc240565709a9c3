import { QueryBus } from '@nestjs/cqrs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CloseCase } from '../../libs/collection/src';
import { IssueCaseNotice, PreviewCaseNotice } from '../../libs/engine/src';
import { RegisterAccount, RegisterDebtor } from '../../libs/ledger/src';
import { hashToken } from '../../libs/self-service/src';
import {
  type DebtorLinksView,
  ListDebtorLinks,
} from '../../apps/api/src/self-service/list-links/list-debtor-links.query';
import { residentId } from '../collection/support/fixtures';
import { readLetterQr } from '../support/qr-read';
import type { CollectionTestApi } from '../collection/support/collection-api';
import {
  meta,
  noticeHtml,
  noticesOf,
  openCase,
  ownerQuery,
  packTenant,
} from '../packs/support/pack-scenario';

/**
 * Issue 16 §3: the letter carries the debtor's page. The agency's pack (篇八) sends links by
 * SMS and on letters (letter-qr, 7 days, 4 ID characters); its 信用卡欠款催收函 prints the QR.
 * Today is 2026-03-02 (Monday), 10:00 in Shanghai.
 */
const NOW = '2026-03-02T02:00:00Z';
const TEMPLATE = 'card-collection-agency/collection-letter';

describe("a letter's QR link to the debtor's page (issue 16 §3)", () => {
  let api: CollectionTestApi;
  let tenantId: string;
  let bossId: string;
  let bossToken: string;
  const queries = () => api.app.get(QueryBus);

  const links = (caseId: string) =>
    ownerQuery<{ id: string; channel: string; token_hash: string; revoked_at: Date | null }>(
      api,
      `select id, channel, token_hash, revoked_at from debtor_links
        where tenant_id = $1 and case_id = $2 order by issued_at`,
      [tenantId, caseId],
    );
  const events = (caseId: string, type: string) =>
    ownerQuery<{ payload: Record<string, unknown>; actor_id: string }>(
      api,
      `select payload, actor_id from event_log where tenant_id = $1 and aggregate_id = $2 and type = $3`,
      [tenantId, caseId, type],
    );

  async function cardCase(name: string): Promise<string> {
    const debtor = await api.commands.execute(
      new RegisterDebtor(meta(tenantId), {
        kind: 'person',
        name,
        idNumber: residentId(),
        phones: ['13800138000'],
      }),
    );
    await api.commands.execute(
      new RegisterAccount(meta(tenantId), {
        debtorId: debtor.id,
        type: 'card-account',
        source: 'test',
        externalRef: `CARD-${debtor.id.slice(0, 8)}`,
        principal: '3000.00',
        annualRate: '0',
        startDate: '2025-12-01',
        schedule: {
          method: 'given',
          installments: [{ dueDate: '2026-02-02', principal: '3000.00', interest: '0.00' }],
        },
      }),
    );
    return openCase(api, tenantId, bossId, debtor.id);
  }

  beforeAll(async () => {
    let users;
    ({ api, tenantId, users } = await packTenant('card-collection-agency', NOW, {
      boss: ['manager'],
    }));
    bossId = users.boss.id;
    bossToken = users.boss.token;
  }, 180_000);
  afterAll(async () => api?.close());

  it('the preview prints a stand-in QR and mints no link; the letter as issued prints its own', async () => {
    const caseId = await cardCase('李雷');
    const preview = await queries().execute(
      new PreviewCaseNotice(meta(tenantId, bossId), { caseId, templateId: TEMPLATE }),
    );
    expect(preview.html).toContain('/d/preview</figcaption>');
    expect(preview.html).toContain('预览样张');
    expect(await links(caseId)).toHaveLength(0);

    const outcome = await api.commands.execute(
      new IssueCaseNotice(meta(tenantId, bossId), {
        caseId,
        templateId: TEMPLATE,
        idempotencyKey: 'qr-1',
      }),
    );
    expect(outcome.status).toBe('issued');
    const [notice] = await noticesOf(api, caseId);
    const html = await noticeHtml(api, bossToken, notice.id);
    const url = /\/d\/([A-Za-z0-9_-]{43})<\/figcaption>/.exec(html);
    expect(url).not.toBeNull();
    // The QR itself, read back as a phone reads it, is the link written under it.
    expect(readLetterQr(html)).toBe(`${new URL(readLetterQr(html)).origin}/d/${url![1]}`);
    expect(html).toContain('<img src="data:image/svg+xml;base64,');
    expect(html).toContain('扫码查看欠款、在线承诺还款或申请分期');
    expect(html).toContain('后4位和发送至预留手机的短信验证码进入，2026年3月9日前有效');
    const stored = await links(caseId);
    expect(stored).toHaveLength(1);
    expect(stored[0].channel).toBe('letter-qr');
    // Only the hash is kept; it is the hash of the token the letter prints.
    expect(stored[0].token_hash).toBe(hashToken(url![1]));
    const issued = await events(caseId, 'DebtorLinkIssued');
    expect(issued).toHaveLength(1);
    expect(issued[0].payload).toMatchObject({ linkId: stored[0].id, channel: 'letter-qr' });

    // The same key again is the same letter: no second link.
    await api.commands.execute(
      new IssueCaseNotice(meta(tenantId, bossId), {
        caseId,
        templateId: TEMPLATE,
        idempotencyKey: 'qr-1',
      }),
    );
    expect(await links(caseId)).toHaveLength(1);
    // The page the QR names opens.
    await api.http().get(`/d/${url![1]}`).expect(200);
  });

  it('closing the case revokes its links in the same transaction; the panel lists them 已失效', async () => {
    const caseId = await cardCase('韩梅梅');
    await api.commands.execute(
      new IssueCaseNotice(meta(tenantId, bossId), {
        caseId,
        templateId: TEMPLATE,
        idempotencyKey: 'qr-2',
      }),
    );
    const [link] = await links(caseId);
    const before = await queries().execute<ListDebtorLinks, DebtorLinksView>(
      new ListDebtorLinks(meta(tenantId, bossId), caseId),
    );
    expect(before.links.map((l) => l.state)).toEqual(['live']);

    await api.commands.execute(new CloseCase(meta(tenantId, bossId), caseId, 'closed', '测试结案'));
    const after = await links(caseId);
    expect(after[0].revoked_at).not.toBeNull();
    const revoked = await events(caseId, 'DebtorLinkRevoked');
    expect(revoked).toEqual([
      { payload: { linkId: link.id, reason: 'case-closed' }, actor_id: bossId },
    ]);
    const listed = await queries().execute<ListDebtorLinks, DebtorLinksView>(
      new ListDebtorLinks(meta(tenantId, bossId), caseId),
    );
    expect(listed.links.map((l) => l.state)).toEqual(['closed']);
    // The case page's panel words the state: 已失效, never 有效.
    const zh = JSON.parse(
      readFileSync(join(__dirname, '../../apps/api/src/console/i18n/zh.json'), 'utf8'),
    ) as Record<string, string>;
    expect(zh['selfService.state.closed']).toBe('已失效（已结案）');
  });
});
