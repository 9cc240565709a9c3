import type { CollectionTestApi } from '../collection/support/collection-api';
import {
  bearer,
  loan,
  Member,
  nightOf,
  noticesOf,
  openCase,
  ownerQuery,
  packTenant,
  runNight,
} from '../packs/support/pack-scenario';
import { pay } from '../collection/support/fixtures';
import { EngineWorker, startEngineWorker } from './support/engine-worker';

/**
 * 篇一 "核对清楚后再发函": with the real leasing-dealer-arrears pack the 催款函 (demand-letter)
 * waits for the ar-reconciliation approval of 销售财务 (finance). Both dealers owe one
 * receivable due 2026-02-01 and are first evaluated at DPD 30 (03-03, stage visit): the
 * demand letter is held; 华通's reconciliation is granted → the letter goes out; 远达's is
 * rejected → the letter is cancelled and never sent; 恒达 pays in full while its letter waits →
 * granted, the letter is cancelled, not sent (a demand for nothing).
 */
interface Hold extends Record<string, unknown> {
  template: string;
  status: string;
  approval_id: string;
}

describe('notice approval gate (篇一): a gated notice is held until its approval, released on grant, cancelled on rejection', () => {
  let api: CollectionTestApi;
  let worker: EngineWorker;
  let tenantId: string;
  let users: Record<'boss' | 'finance', Member>;
  const cases: Record<string, string> = {};
  const accounts: Record<string, string> = {};
  const holds = (name: string) =>
    ownerQuery<Hold>(
      api,
      `select template, status, approval_id from engine_notice_holds where case_id = $1`,
      [cases[name]],
    );
  const letters = async (name: string) =>
    (await noticesOf(api, cases[name])).map((n) => n.template_id.split('/')[1]);
  const decide = async (approvalId: string, decision: 'approved' | 'rejected') => {
    api.clock.set('2026-03-03T15:00:00+08:00');
    await api
      .http()
      .post(`/api/v1/approvals/${approvalId}/decision`)
      .set(bearer(users.finance.token))
      .send({ decision, note: decision === 'approved' ? '已与财务核对一致' : '金额不符' })
      .expect(200);
    const [event] = await worker.take(tenantId, ['ApprovalDecided']);
    return worker.deliver(event);
  };

  beforeAll(async () => {
    ({ api, tenantId, users } = await packTenant('leasing-dealer-arrears', nightOf('2026-03-01'), {
      boss: ['manager'],
      finance: ['finance'],
    }));
    worker = await startEngineWorker(api);
    for (const [name, principal] of [
      ['华通经销', '200000.00'],
      ['远达物流', '86500.50'],
      ['恒达贸易', '50000.00'],
    ] as const) {
      const made = await loan(api, tenantId, {
        name,
        type: 'receivable',
        principal,
        startDate: '2025-12-01',
        dueOn: '2026-02-01',
      });
      cases[name] = await openCase(api, tenantId, users.boss.id, made.debtorId);
      accounts[name] = made.accountId;
    }
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('03-03 (DPD 30): each demand letter is held behind a pending ar-reconciliation for finance; the ungated visit receipt goes out', async () => {
    const summary = await runNight(api, tenantId, '2026-03-03');
    expect(summary.noticesHeld).toBe(3);
    for (const name of Object.keys(cases)) {
      expect(await holds(name)).toEqual([
        { template: 'demand-letter', status: 'held', approval_id: expect.any(String) },
      ]);
      expect(await letters(name)).not.toContain('demand-letter');
      expect(await letters(name)).toContain('visit-receipt');
    }
    const approvals = await ownerQuery<{ kind: string; approver_role: string; n: number }>(
      api,
      `select kind, approver_role, count(*)::int as n from approvals
       where tenant_id = $1 and status = 'pending' group by 1, 2 order by 1`,
      [tenantId],
    );
    expect(approvals).toEqual([
      { kind: 'ar-reconciliation', approver_role: 'finance', n: 3 },
      { kind: 'visit-plan', approver_role: 'manager', n: 3 },
    ]);
  });

  it('the same night again holds nothing new and asks for no second approval', async () => {
    expect(await runNight(api, tenantId, '2026-03-03')).toMatchObject({ noticesHeld: 0 });
    const [row] = await ownerQuery<{ n: number }>(
      api,
      `select count(*)::int as n from approvals where tenant_id = $1 and kind = 'ar-reconciliation'`,
      [tenantId],
    );
    expect(row.n).toBe(3);
  });

  it('恒达 pays 50,000.00 in full while its letter waits → granted, the hold is cancelled and no letter goes out', async () => {
    await pay(api, tenantId, accounts['恒达贸易'], '2026-03-03', '50000.00');
    const [hold] = await holds('恒达贸易');
    const decided = await decide(hold.approval_id, 'approved');
    expect(decided.gates).toEqual({ released: 0, cancelled: 1, issued: 0, failures: [] });
    expect((await holds('恒达贸易'))[0].status).toBe('cancelled');
    expect(await letters('恒达贸易')).not.toContain('demand-letter');
  });

  it('finance grants 华通’s reconciliation → the hold is released and the demand letter issued; delivered again, nothing more', async () => {
    const [hold] = await holds('华通经销');
    const decided = await decide(hold.approval_id, 'approved');
    expect(decided.gates).toEqual({ released: 1, cancelled: 0, issued: 1, failures: [] });
    expect((await holds('华通经销'))[0].status).toBe('released');
    expect((await letters('华通经销')).filter((t) => t === 'demand-letter')).toHaveLength(1);
    const [{ payload }] = await ownerQuery<{ payload: never }>(
      api,
      `select payload from outbox where tenant_id = $1 and payload->>'type' = 'ApprovalDecided'`,
      [tenantId],
    );
    expect((await worker.deliver(payload)).gates).toEqual({
      released: 0,
      cancelled: 0,
      issued: 0,
      failures: [],
    });
    expect((await letters('华通经销')).filter((t) => t === 'demand-letter')).toHaveLength(1);
  });

  it('finance rejects 远达’s → the hold is cancelled; the next nights never send it nor ask again', async () => {
    const [hold] = await holds('远达物流');
    expect((await decide(hold.approval_id, 'rejected')).gates).toMatchObject({
      released: 0,
      cancelled: 1,
    });
    await runNight(api, tenantId, '2026-03-04');
    expect(await holds('远达物流')).toEqual([{ ...hold, status: 'cancelled' }]);
    expect(await letters('远达物流')).not.toContain('demand-letter');
    const [row] = await ownerQuery<{ n: number }>(
      api,
      `select count(*)::int as n from approvals
       where tenant_id = $1 and kind = 'ar-reconciliation' and status = 'pending'`,
      [tenantId],
    );
    expect(row.n).toBe(0);
  });
});
