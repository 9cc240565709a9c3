import type { CollectionTestApi } from '../collection/support/collection-api';
import {
  bearer,
  loan,
  Member,
  nightOf,
  openCase,
  packTenant,
} from '../packs/support/pack-scenario';

/**
 * RequestApproval takes the kinds the tenant's pack declares (篇一: 应收账款与销售财务核对
 * ar-reconciliation, by sales finance → finance; 走访方案 visit-plan, by the EVP → manager)
 * besides the platform's own, and refuses any other kind at `kind`, naming the known ones.
 */
describe('approval kinds and approvers come from the tenant pack (leasing-dealer-arrears)', () => {
  let api: CollectionTestApi;
  let users: Record<'boss', Member>;
  let caseId: string;
  const ask = (kind: string) =>
    api
      .http()
      .post(`/api/v1/cases/${caseId}/approvals`)
      .set(bearer(users.boss.token))
      .send({ kind, payload: { note: 'test' } });

  beforeAll(async () => {
    let tenantId: string;
    ({ api, tenantId, users } = await packTenant('leasing-dealer-arrears', nightOf('2026-03-02'), {
      boss: ['manager'],
    }));
    const made = await loan(api, tenantId, {
      name: '华通经销',
      type: 'receivable',
      principal: '200000.00',
      startDate: '2025-12-01',
      dueOn: '2026-03-02',
    });
    caseId = await openCase(api, tenantId, users.boss.id, made.debtorId);
  }, 120_000);
  afterAll(async () => api?.close());

  it('a pack kind (ar-reconciliation) is accepted and goes to the role the pack names (sales-finance → finance)', async () => {
    const response = await ask('ar-reconciliation').expect(201);
    expect(response.body.approverRole).toBe('finance');
  });

  it('visit-plan, declared with by: evp, goes to the EVP’s platform role (manager), not the seeds’ supervisor', async () => {
    expect((await ask('visit-plan').expect(201)).body.approverRole).toBe('manager');
  });

  it('a platform kind the pack does not declare (write-off) keeps the seeds’ approver (finance)', async () => {
    expect((await ask('write-off').expect(201)).body.approverRole).toBe('finance');
  });

  it('an unknown kind is refused with 400 at path kind, listing the known kinds', async () => {
    const response = await ask('bribe-approval').expect(400);
    expect(response.body.errors).toEqual([
      {
        path: 'kind',
        reason: expect.stringMatching(
          /^"bribe-approval" is not an approval kind of pack leasing-dealer-arrears@1\.0\.0; known kinds: .*ar-reconciliation.*finance-check/,
        ),
      },
    ]);
  });

  it('a kind that is not even a code is refused by the HTTP edge at kind', async () => {
    const response = await ask('DROP TABLE').expect(400);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.kind']);
  });
});
