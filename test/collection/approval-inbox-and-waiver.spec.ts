import { QueryBus } from '@nestjs/cqrs';
import type { Role } from '../../libs/core/src';
import { ListApprovalInbox } from '../../apps/api/src/console/queries/list-approval-inbox/list-approval-inbox.query';
import type { InboxRow } from '../../apps/api/src/console/queries/list-approval-inbox/list-approval-inbox.query';
import { CollectionTestApi, startCollectionApi } from './support/collection-api';
import {
  assign,
  debtorWithOverdueAccount,
  Member,
  openCase,
  ownerQuery,
  tenantWithUsers,
} from './support/fixtures';

type Name = 'manager' | 'wang' | 'sup' | 'legal' | 'finance';
const ROLES: Record<Name, Role[]> = {
  manager: ['manager'],
  wang: ['field-collector'],
  sup: ['supervisor'],
  legal: ['legal'],
  finance: ['finance'],
};

/**
 * Issue 11 §5: the 审批 inbox lists exactly the requests the viewer's role decides (the
 * approver the pack or the platform names; a manager every one), each with the debtor, the
 * accounts, DPD, the amount due and the collector; and a 减免 above what the case owes is
 * refused at payload.amount, writing nothing.
 */
describe('approvals inbox per approver role, and the waiver limit', () => {
  let api: CollectionTestApi;
  let tenantId: string;
  let users: Record<Name, Member>;
  let caseId: string;
  let accountRef: string;
  const ids: Record<string, string> = {};

  const ask = (payload: object, kind: string, expected: number) =>
    api
      .http()
      .post(`/api/v1/cases/${caseId}/approvals`)
      .set('Authorization', `Bearer ${users.wang.token}`)
      .send({ kind, payload, reason: '申请' })
      .expect(expected);

  const inbox = (name: Name, tab: 'pending' | 'decided' = 'pending') =>
    api.app
      .get(QueryBus)
      .execute<ListApprovalInbox, InboxRow[]>(
        new ListApprovalInbox(
          { tenantId, actorId: users[name].id, roles: ROLES[name], correlationId: `inbox-${name}` },
          tab,
        ),
      );

  beforeAll(async () => {
    api = await startCollectionApi({ now: '2026-03-11T02:00:00Z' });
    const tenant = await tenantWithUsers(api, 'inbox', ROLES);
    tenantId = tenant.tenantId;
    users = tenant.users;
    // The supervisor sees the case through the team (篇八: a team lead reviews its members').
    await api
      .http()
      .post('/api/v1/teams')
      .set('Authorization', `Bearer ${users.manager.token}`)
      .send({
        name: '外访一组',
        members: [
          { userId: users.sup.id, role: 'lead' },
          { userId: users.wang.id, role: 'member' },
        ],
      })
      .expect(201);
    const { debtorId, accountId } = await debtorWithOverdueAccount(api, tenantId, {
      name: '冯九',
      principal: '12000.00',
      dueOn: '2026-03-01',
      startDate: '2026-02-01',
    });
    [{ ref: accountRef }] = await ownerQuery<{ ref: string }>(
      api,
      `select external_ref as ref from accounts where id = $1`,
      [accountId],
    );
    caseId = await openCase(api, users.manager, debtorId);
    await assign(api, users.manager, caseId, users.wang);
    for (const [kind, payload] of [
      ['visit-plan', { visitOn: '2026-03-13', place: '客户家中' }],
      ['legal-referral', { claimAmount: '12000.00' }],
      ['waiver', { amount: '500', items: '罚息' }],
    ] as const) {
      ids[kind] = (await ask(payload, kind, 201)).body.id;
    }
  }, 180_000);
  afterAll(async () => api.close());

  it('each approver sees only the kinds their role decides; the manager sees all three', async () => {
    const kinds = async (name: Name) => (await inbox(name)).map((r) => r.kind).sort();
    expect(await kinds('legal')).toEqual(['legal-referral']);
    expect(await kinds('sup')).toEqual(['visit-plan']);
    expect(await kinds('finance')).toEqual([]);
    expect(await kinds('manager')).toEqual(['legal-referral', 'visit-plan', 'waiver']);
  });

  it("legal's row names the debtor, the account, DPD 10, the amount due ¥12,000.00 and the collector", async () => {
    const [row] = await inbox('legal');
    expect(row).toMatchObject({
      id: ids['legal-referral'],
      caseId,
      debtorName: '冯九',
      dpd: 10,
      amountDue: '12000.00',
      collector: 'wang',
      requestedBy: 'wang',
      byEngine: false,
      reason: '申请',
      payload: { claimAmount: '12000.00' },
    });
    expect(row.accounts).toEqual([{ ref: accountRef, totalDue: '12000.00', dpd: 10 }]);
  });

  it('the waiver was stored with its amount to the fen; one above the amount due (12000.01) is refused at payload.amount', async () => {
    const [stored] = await ownerQuery<{ payload: object }>(
      api,
      `select payload from approvals where id = $1`,
      [ids.waiver],
    );
    expect(stored.payload).toEqual({ amount: '500.00', items: '罚息' });
    await api
      .http()
      .post(`/api/v1/approvals/${ids.waiver}/decision`)
      .set('Authorization', `Bearer ${users.manager.token}`)
      .send({ decision: 'rejected', note: '金额需重新核定' })
      .expect(200);
    const before = await ownerQuery(api, `select id from approvals where case_id = $1`, [caseId]);
    const refused = await ask({ amount: '12000.01', items: '罚息' }, 'waiver', 400);
    expect(refused.body.errors).toEqual([
      { path: 'payload.amount', reason: 'must be at most the amount due (12000.00)' },
    ]);
    const after = await ownerQuery(api, `select id from approvals where case_id = $1`, [caseId]);
    expect(after).toHaveLength(before.length);
    // Exactly the amount due is allowed.
    await ask({ amount: '12000.00', items: '全部罚息' }, 'waiver', 201);
  });

  it('the decided tab shows the rejected waiver with who decided it and the note', async () => {
    const decided = await inbox('manager', 'decided');
    expect(decided.map((r) => [r.kind, r.status, r.decidedBy, r.decisionNote])).toEqual([
      ['waiver', 'rejected', 'manager', '金额需重新核定'],
    ]);
  });
});
