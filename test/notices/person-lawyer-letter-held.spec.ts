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
 * 篇五 (leasing-dealer-arrears): the 律师函 goes out only after the legal-referral approval of
 * the lead in charge of clearance (a manager). A clerk asking for one through POST /notices
 * takes the engine's path: it is held (202), not stored as a dispatchable draft, and issued by
 * the engine once the approval is granted — with the ledger's figures as of that day. The
 * dealer owed 86,500.50 due 2026-02-01 and paid 6,500.50 on 03-05: 80,000.00 on 03-06.
 */
describe("a clerk's lawyer letter (篇五) is held for the legal-referral approval and goes out only once granted, printing the ledger's balance", () => {
  let api: CollectionTestApi;
  let worker: EngineWorker;
  let tenantId: string;
  let users: Record<'boss' | 'clerk', Member>;
  let caseId: string;
  let accountId: string;
  let approvalId: string;
  const TEMPLATE = 'leasing-dealer-arrears/lawyer-letter';
  const issue = (key: string) =>
    api
      .http()
      .post('/api/v1/notices')
      .set(bearer(users.clerk.token))
      .send({ caseId, templateId: TEMPLATE, idempotencyKey: key });

  beforeAll(async () => {
    ({ api, tenantId, users } = await packTenant('leasing-dealer-arrears', nightOf('2026-03-01'), {
      boss: ['manager'],
      clerk: ['clerk'],
    }));
    worker = await startEngineWorker(api);
    const made = await loan(api, tenantId, {
      name: '华通经销',
      type: 'receivable',
      principal: '86500.50',
      startDate: '2025-12-01',
      dueOn: '2026-02-01',
    });
    accountId = made.accountId;
    caseId = await openCase(api, tenantId, users.boss.id, made.debtorId);
    api.clock.set('2026-03-06T10:00:00+08:00');
    await pay(api, tenantId, accountId, '2026-03-05', '6500.50');
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('the clerk asks → 202 held behind a pending legal-referral for the manager; no notice is stored', async () => {
    const response = await issue('lawyer-letter:1').expect(202);
    expect(response.body).toMatchObject({
      status: 'held',
      template: 'lawyer-letter',
      approvalKind: 'legal-referral',
      approvalId: expect.any(String),
    });
    approvalId = response.body.approvalId;
    expect(await noticesOf(api, caseId)).toEqual([]);
    const approvals = await ownerQuery<{
      kind: string;
      approver_role: string;
      requested_by: string;
    }>(
      api,
      `select kind, approver_role, requested_by from approvals where case_id = $1 and status = 'pending'`,
      [caseId],
    );
    expect(approvals).toEqual([
      { kind: 'legal-referral', approver_role: 'manager', requested_by: users.clerk.id },
    ]);
    const holds = await ownerQuery(
      api,
      `select template, source, status, approval_id from engine_notice_holds where case_id = $1`,
      [caseId],
    );
    expect(holds).toEqual([
      { template: 'lawyer-letter', source: 'person', status: 'held', approval_id: approvalId },
    ]);
  });

  it('asking again with the same key answers the same hold and requests no second approval', async () => {
    const again = await issue('lawyer-letter:1').expect(202);
    expect(again.body.approvalId).toBe(approvalId);
    const [row] = await ownerQuery<{ n: number }>(
      api,
      `select count(*)::int as n from approvals where case_id = $1 and kind = 'legal-referral'`,
      [caseId],
    );
    expect(row.n).toBe(1);
    expect(await noticesOf(api, caseId)).toEqual([]);
  });

  it('the manager grants it → the engine issues the letter with 80,000.00 (捌万元整), the ledger’s balance on 2026-03-06', async () => {
    await api
      .http()
      .post(`/api/v1/approvals/${approvalId}/decision`)
      .set(bearer(users.boss.token))
      .send({ decision: 'approved', note: '同意移交法务并发律师函' })
      .expect(200);
    const [event] = await worker.take(tenantId, ['ApprovalDecided']);
    expect((await worker.deliver(event)).gates).toEqual({
      released: 1,
      cancelled: 0,
      issued: 1,
      failures: [],
    });
    const notices = await noticesOf(api, caseId);
    expect(notices.map((n) => [n.template_id, n.status])).toEqual([[TEMPLATE, 'draft']]);

    const balance = await api
      .http()
      .get(`/api/v1/accounts/${accountId}/balance?asOf=2026-03-06`)
      .set(bearer(users.clerk.token))
      .expect(200);
    expect(balance.body.totalDue).toBe('80000.00');
    const [stored] = await ownerQuery<{ total: string; issued_on: string }>(
      api,
      `select data->'account'->>'totalDue' as total, data->'notice'->>'issuedOn' as issued_on
       from notices where id = $1`,
      [notices[0].id],
    );
    expect(stored).toEqual({ total: balance.body.totalDue, issued_on: '2026-03-06' });
    const text = plain(await noticeHtml(api, users.clerk.token, notices[0].id));
    expect(text).toContain('人民币80,000.00元（大写：捌万元整）');
    expect(text).toContain('本公司常年法律顾问');
  });

  it('the same key after the grant answers the issued letter (200), not a second one', async () => {
    const response = await issue('lawyer-letter:1').expect(200);
    const notices = await noticesOf(api, caseId);
    expect(notices).toHaveLength(1);
    expect(response.body.id).toBe(notices[0].id);
  });
});
