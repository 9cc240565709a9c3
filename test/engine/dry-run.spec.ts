import type { CollectionTestApi } from '../collection/support/collection-api';
import {
  debtorWithOverdueAccount,
  Member,
  openCase,
  pay,
  tenantWithUsers,
} from '../collection/support/fixtures';
import { evaluate, installPack, nightOf, rowCounts, startEngineApi } from './support/engine-api';

describe('dry run: a candidate pack against the live portfolio as of a date, writing nothing', () => {
  let api: CollectionTestApi;
  let tenantId: string;
  let users: Record<'admin' | 'manager' | 'wang', Member>;
  const cases: Record<string, string> = {};
  const accounts: Record<string, string> = {};

  const dryRun = (token: string, body: Record<string, unknown>) =>
    api.http().post('/api/v1/packs/dry-run').set('Authorization', `Bearer ${token}`).send(body);

  beforeAll(async () => {
    api = await startEngineApi(nightOf('2026-03-10'));
    const tenant = await tenantWithUsers(api, 'engine-dry-run', {
      admin: ['tenant-admin'],
      manager: ['manager'],
      wang: ['phone-collector'],
    });
    tenantId = tenant.tenantId;
    users = tenant.users;
    await installPack(api, tenantId);
    // As of 03-10: P1 DPD 8, P2 DPD 68, P3 DPD 1, P5 DPD 6, P6 DPD 2.
    const due = {
      P1: '2026-03-02',
      P2: '2026-01-01',
      P3: '2026-03-09',
      P5: '2026-03-04',
      P6: '2026-03-08',
    };
    for (const [name, dueOn] of Object.entries(due)) {
      const { debtorId, accountId } = await debtorWithOverdueAccount(api, tenantId, {
        name: `客户${name}`,
        principal: '2000.00',
        dueOn,
        startDate: '2025-12-01',
      });
      accounts[name] = accountId;
      cases[name] = await openCase(api, users.manager, debtorId);
    }
    const summary = await evaluate(api, tenantId, '2026-03-10');
    expect(summary.stageCounts).toEqual({ 'demand-letter': 2, 'daily-calls': 2, guarantor: 1 });
  }, 180_000);
  afterAll(async () => api?.close());

  it('the installed pack as of the date it already ran: nothing would change', async () => {
    const before = await rowCounts(api, tenantId);
    const response = await dryRun(users.admin.token, {
      pack: 'test-engine-ladder',
      asOf: '2026-03-10',
    }).expect(200);
    expect(response.body.totals).toEqual({
      stageChanges: 0,
      tasks: 0,
      notices: 0,
      approvals: 0,
      flags: 0,
    });
    expect(await rowCounts(api, tenantId)).toEqual(before);
  });

  it('legalReferralDpd 60 as of 03-11 after P6 paid: P2 → legal, P5 → demand-letter, P6 off the ladder; 4 calls, 1 notice, 1 approval, 1 cancelled — no row changes', async () => {
    await pay(api, tenantId, accounts.P6, '2026-03-10', '2000.00');
    const before = await rowCounts(api, tenantId);
    const response = await dryRun(users.manager.token, {
      pack: 'test-engine-ladder',
      params: { legalReferralDpd: 60 },
      asOf: '2026-03-11',
    }).expect(200);
    expect(await rowCounts(api, tenantId)).toEqual(before);
    const report = response.body;
    expect(report).toMatchObject({
      asOf: '2026-03-11',
      pack: 'test-engine-ladder@1.0.0',
      current: 'test-engine-ladder@1.0.0',
      evaluated: 5,
      stageCounts: { 'demand-letter': 2, 'daily-calls': 1, legal: 1, '(none)': 1 },
      totals: { stageChanges: 3, tasks: 4, notices: 1, approvals: 1, flags: 0 },
      tasksCancelled: 1,
    });
    expect(report.stageChanges).toEqual(
      expect.arrayContaining([
        { caseId: cases.P2, from: 'demand-letter', to: 'legal', reason: 'escalated' },
        { caseId: cases.P5, from: 'guarantor', to: 'demand-letter', reason: 'escalated' },
        { caseId: cases.P6, from: 'daily-calls', to: null, reason: 'cleared' },
      ]),
    );
    expect(report.approvals).toEqual([
      { caseId: cases.P2, stage: 'legal', kind: 'legal-referral', approverRole: 'legal' },
    ]);
    expect(report.notices).toEqual([
      { caseId: cases.P5, stage: 'demand-letter', template: 'overdue-demand', recipient: 'debtor' },
    ]);
    expect(
      report.tasks.map((t: { caseId: string; kind: string }) => [t.caseId, t.kind]).sort(),
    ).toEqual([cases.P1, cases.P2, cases.P3, cases.P5].map((id) => [id, 'call']).sort());
  });

  it('the real run with the installed pack (legal at 90) then does all of it but the legal move', async () => {
    const summary = await evaluate(api, tenantId, '2026-03-11');
    expect(summary).toMatchObject({
      stageChanges: 2,
      tasksCreated: 4,
      tasksCancelled: 1,
      noticesIssued: 1,
      approvalsRequested: 0,
    });
  });

  it('refuses a collector (403), an unknown pack (404) and a bad parameter (400)', async () => {
    await dryRun(users.wang.token, { pack: 'test-engine-ladder', asOf: '2026-03-11' }).expect(403);
    await dryRun(users.manager.token, { pack: 'no-such-pack', asOf: '2026-03-11' }).expect(404);
    const bad = await dryRun(users.manager.token, {
      pack: 'test-engine-ladder',
      params: { legalReferralDpd: 'soon' },
      asOf: '2026-03-11',
    }).expect(400);
    expect(bad.body.errors).toEqual([
      { path: 'params.legalReferralDpd', reason: 'must be an integer' },
    ]);
  });
});
