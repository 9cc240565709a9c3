import { CollectionTestApi, startCollectionApi } from '../collection/support/collection-api';
import {
  assign,
  debtorWithOverdueAccount,
  Member,
  openCase,
  ownerQuery,
  tenantWithUsers,
} from '../collection/support/fixtures';

const CSRF = 'supervisor-desk-csrf';

/**
 * Bad input in any form re-renders the form with a Chinese message at the field (issue 11):
 * the supervisor desk's approval decision answers a refusal with the desk again (422), the
 * message at that request's form, and saves nothing — as the approvals inbox does.
 */
describe("the supervisor desk's approval decision re-renders on a refusal, never the error page", () => {
  let api: CollectionTestApi;
  let users: Record<'manager' | 'wang' | 'sup', Member>;
  let approvalId: string;

  const decide = (body: Record<string, string>, htmx = true) => {
    const request = api
      .http()
      .post(`/console/supervisor/approvals/${approvalId}/decision`)
      .set('Cookie', `qs_session=${users.sup.token}; qs_csrf=${CSRF}`)
      .type('form');
    if (htmx) request.set('HX-Request', 'true');
    return request.send({ _csrf: CSRF, ...body });
  };
  const status = async () =>
    (await ownerQuery(api, `select status from approvals where id = $1`, [approvalId]))[0].status;

  beforeAll(async () => {
    api = await startCollectionApi({ now: '2026-03-11T02:00:00Z' });
    const tenant = await tenantWithUsers(api, 'sup-refusal', {
      manager: ['manager'],
      wang: ['field-collector'],
      sup: ['supervisor'],
    });
    users = tenant.users;
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
    const { debtorId } = await debtorWithOverdueAccount(api, tenant.tenantId, {
      name: '冯九',
      principal: '12000.00',
      dueOn: '2026-03-01',
      startDate: '2026-02-01',
    });
    const caseId = await openCase(api, users.manager, debtorId);
    await assign(api, users.manager, caseId, users.wang);
    const requested = await api
      .http()
      .post(`/api/v1/cases/${caseId}/approvals`)
      .set('Authorization', `Bearer ${users.wang.token}`)
      .send({ kind: 'visit-plan', payload: { visitOn: '2026-03-13', place: '客户经营地' } })
      .expect(201);
    approvalId = requested.body.id;
  }, 180_000);
  afterAll(async () => api.close());

  it('驳回 without a reason: 422, the desk with the message at the note field; still pending', async () => {
    const response = await decide({ decision: 'rejected', note: ' ' }).expect(422);
    expect(response.text).toContain('id="supervisor-main"');
    expect(response.text).toContain(`aria-describedby="note-${approvalId}-error"`);
    expect(response.text).toContain('驳回时请写明理由，申请人据此补正');
    expect(await status()).toBe('pending');
  });

  it('approves (the desk again, 已批准); a second decision says it was already decided, 422', async () => {
    const approved = await decide({ decision: 'approved', note: '同意' }).expect(201);
    expect(approved.text).toContain('已批准。');
    expect(await status()).toBe('approved');
    const again = await decide({ decision: 'rejected', note: '不同意' }, false).expect(422);
    expect(again.text).toContain('该申请已由他人处理，请刷新查看');
    expect(again.text).not.toContain('出错了');
    expect(await status()).toBe('approved');
  });
});
