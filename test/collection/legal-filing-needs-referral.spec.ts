import { startCollectionApi, CollectionTestApi } from './support/collection-api';
import {
  debtorWithOverdueAccount,
  Member,
  openCase,
  ownerQuery,
  tenantWithUsers,
} from './support/fixtures';

describe('篇五 第十三条: filing (立案) needs an approved legal referral; it moves the case to legal with its costs', () => {
  let api: CollectionTestApi;
  let users: Record<'manager' | 'legal', Member>;
  let caseId: string;

  const step = (body: Record<string, unknown>) =>
    api
      .http()
      .post(`/api/v1/cases/${caseId}/legal-steps`)
      .set('Authorization', `Bearer ${users.legal.token}`)
      .send(body);

  beforeAll(async () => {
    api = await startCollectionApi({ now: '2026-06-15T02:00:00Z' });
    const tenant = await tenantWithUsers(api, 'legal-path', {
      manager: ['manager'],
      legal: ['legal'],
    });
    users = tenant.users;
    const { debtorId } = await debtorWithOverdueAccount(api, tenant.tenantId, {
      name: '陈十',
      principal: '52000.00',
      dueOn: '2026-03-01',
      startDate: '2026-02-01',
    });
    caseId = await openCase(api, users.manager, debtorId);
  }, 180_000);
  afterAll(async () => api.close());

  it('without an approved legal-referral the filing is refused (422)', async () => {
    const response = await step({ step: 'filing', court: '某某区人民法院' }).expect(422);
    expect(response.body.type).toBe('urn:qingshou:problem:legal-referral-required');
  });

  it('a hearing before any filing is refused (422)', async () => {
    await step({ step: 'hearing' }).expect(422);
  });

  it('after the manager asks and legal approves, the filing opens a matter, books the 1,250.00 fee and the case is legal', async () => {
    const referral = await api
      .http()
      .post(`/api/v1/cases/${caseId}/approvals`)
      .set('Authorization', `Bearer ${users.manager.token}`)
      .send({ kind: 'legal-referral', reason: '逾期超过90天, 多次承诺未兑现' })
      .expect(201);
    expect(referral.body.approverRole).toBe('legal');
    await api
      .http()
      .post(`/api/v1/approvals/${referral.body.id}/decision`)
      .set('Authorization', `Bearer ${users.legal.token}`)
      .send({ decision: 'approved' })
      .expect(200);
    const filed = await step({
      step: 'filing',
      court: '某某区人民法院',
      courtCaseNumber: '(2026)某0102民初1234号',
      cost: { category: 'court-fee', amount: '1250.00', voucherRef: 'SF-001' },
    }).expect(201);
    await step({ step: 'preservation', amount: '30000.00', details: '冻结银行账户' }).expect(201);
    const [caseRow] = await ownerQuery(api, `select status from cases where id = $1`, [caseId]);
    expect(caseRow.status).toBe('legal');
    const costs = await ownerQuery(
      api,
      `select category, amount::text as amount, approved, legal_matter_id from case_costs where case_id = $1`,
      [caseId],
    );
    expect(costs).toEqual([
      {
        category: 'court-fee',
        amount: '1250.00',
        approved: false,
        legal_matter_id: filed.body.legalMatterId,
      },
    ]);
    const steps = await ownerQuery(
      api,
      `select step, amount::text as amount from legal_events where legal_matter_id = $1 order by recorded_at, step`,
      [filed.body.legalMatterId],
    );
    expect(steps).toEqual([
      { step: 'filing', amount: null },
      { step: 'preservation', amount: '30000.00' },
    ]);
  });
});
