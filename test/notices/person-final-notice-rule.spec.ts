import type { CollectionTestApi } from '../collection/support/collection-api';
import { EngineWorker, startEngineWorker } from '../engine/support/engine-worker';
import {
  bearer,
  loan,
  Member,
  nightOf,
  noticeHtml,
  noticesOf,
  openCase,
  ownerQuery,
  packTenant,
  pay,
  plain,
} from '../packs/support/pack-scenario';

/**
 * 篇五's 最后催收通知单: 10 days from signed receipt, counting from 3 days after sending when
 * refused or undeliverable — the leasing pack's finalNoticeDays / finalNoticeFallbackDays. A
 * person previews and issues it without typing the rule (and cannot type one); the pack puts
 * it behind the ar-reconciliation of sales finance, so it goes out once finance grants it.
 * The dealer owed 120,000.00 due 2026-02-01 and paid 20,000.00 on 2026-04-02.
 */
describe('the final notice issued by a person carries the pack’s 10-day delivery rule without the caller giving it', () => {
  let api: CollectionTestApi;
  let worker: EngineWorker;
  let tenantId: string;
  let users: Record<'boss' | 'legal' | 'finance', Member>;
  let caseId: string;
  const TEMPLATE = 'leasing-dealer-arrears/final-notice';
  const post = (url: string, body: object) =>
    api.http().post(`/api/v1${url}`).set(bearer(users.legal.token)).send(body);

  beforeAll(async () => {
    ({ api, tenantId, users } = await packTenant('leasing-dealer-arrears', nightOf('2026-04-03'), {
      boss: ['manager'],
      legal: ['legal'],
      finance: ['finance'],
    }));
    worker = await startEngineWorker(api);
    const made = await loan(api, tenantId, {
      name: '远达物流',
      type: 'receivable',
      principal: '120000.00',
      startDate: '2025-12-01',
      dueOn: '2026-02-01',
    });
    caseId = await openCase(api, tenantId, users.boss.id, made.debtorId);
    await pay(api, tenantId, made.accountId, '2026-04-02', '20000.00');
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('a caller cannot pass the rule, amounts or params: 400 naming the field', async () => {
    const base = { caseId, templateId: TEMPLATE, idempotencyKey: 'final:typed' };
    for (const [field, value] of [
      ['deliveryRule', { periodDays: 5, fallbackOffsetDays: 0 }],
      ['data', { account: { totalDue: '675.00' } }],
      ['debtorId', caseId],
    ] as const) {
      const response = await post('/notices', { ...base, [field]: value }).expect(400);
      expect(response.body.errors).toContainEqual(
        expect.objectContaining({ path: `body.${field}` }),
      );
    }
    const refused = await post('/notices', { ...base, input: { totalDue: '675.00' } }).expect(400);
    expect(refused.body.errors).toEqual([
      {
        path: 'body.input.totalDue',
        reason: 'is not a field this template asks for (it asks for: none)',
      },
    ]);
    expect(await noticesOf(api, caseId)).toEqual([]);
  });

  it('the preview prints the 10-day rule and the ledger’s figures as of the letter’s date: 120,000.00 on 04-01, 100,000.00 on 04-03', async () => {
    const before = await post('/notices/preview', {
      caseId,
      templateId: TEMPLATE,
      letterDate: '2026-04-01',
    }).expect(200);
    expect(before.body).toMatchObject({
      deliveryRule: { periodDays: 10, fallbackOffsetDays: 3 },
      approvalKind: 'ar-reconciliation',
      letterDate: '2026-04-01',
    });
    expect(plain(before.body.html)).toContain('人民币120,000.00元（大写：壹拾贰万元整）');
    const today = await post('/notices/preview', { caseId, templateId: TEMPLATE }).expect(200);
    expect(today.body.letterDate).toBe('2026-04-03');
    const text = plain(today.body.html);
    expect(text).toContain('人民币100,000.00元（大写：壹拾万元整）');
    expect(text).toContain('10天期限将以贵方签收信函当天开始计算');
    expect(text).toContain('顺延3天开始计算期限');
    expect(await noticesOf(api, caseId)).toEqual([]);
  });

  it('issued → held for ar-reconciliation; finance grants → the notice stored with delivery rule {10, 3} and printing it', async () => {
    const held = await post('/notices', {
      caseId,
      templateId: TEMPLATE,
      idempotencyKey: 'final:1',
    }).expect(202);
    expect(held.body).toMatchObject({ status: 'held', approvalKind: 'ar-reconciliation' });
    await api
      .http()
      .post(`/api/v1/approvals/${held.body.approvalId}/decision`)
      .set(bearer(users.finance.token))
      .send({ decision: 'approved', note: '已与财务核对一致' })
      .expect(200);
    const [event] = await worker.take(tenantId, ['ApprovalDecided']);
    expect((await worker.deliver(event)).gates).toMatchObject({ released: 1, issued: 1 });
    const [notice] = await noticesOf(api, caseId);
    const [row] = await ownerQuery<{ delivery_rule: unknown; total: string }>(
      api,
      `select delivery_rule, data->'account'->>'totalDue' as total from notices where id = $1`,
      [notice.id],
    );
    expect(row).toEqual({
      delivery_rule: { periodDays: 10, fallbackOffsetDays: 3 },
      total: '100000.00',
    });
    const text = plain(await noticeHtml(api, users.legal.token, notice.id));
    expect(text).toContain('10天期限将以贵方签收信函当天开始计算');
    expect(text).toContain('顺延3天开始计算期限');
  });

  it('signed on 2026-04-07 → the deadline is the pack’s 10 days later, 2026-04-17', async () => {
    const [notice] = await noticesOf(api, caseId);
    await post(`/notices/${notice.id}/delivery`, { status: 'sent', on: '2026-04-03' }).expect(200);
    api.clock.set('2026-04-07T10:00:00+08:00');
    const signed = await post(`/notices/${notice.id}/delivery`, {
      status: 'signed',
      on: '2026-04-07',
    }).expect(200);
    expect(signed.body.deadline).toBe('2026-04-17');
  });
});
