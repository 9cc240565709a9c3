import { ContactDecision, ContactPolicy, ContactRequest } from '../../libs/collection/src';
import { startCollectionApi, CollectionTestApi } from './support/collection-api';
import {
  assign,
  debtorWithOverdueAccount,
  Member,
  openCase,
  ownerQuery,
  tenantWithUsers,
} from './support/fixtures';

/** Stands in for the policy engine: no calls before 08:00 Beijing time. */
class QuietHours extends ContactPolicy {
  async check(request: ContactRequest): Promise<ContactDecision> {
    const hour = (request.at.getUTCHours() + 8) % 24;
    if (request.channel === 'call' && hour < 8) {
      // 08:00 in Shanghai is 00:00 UTC of the same local date.
      const day = 86_400_000;
      const next = new Date(Math.floor((request.at.getTime() + 8 * 3_600_000) / day) * day);
      return {
        allowed: false,
        rule: 'contact.quiet-hours',
        reason: 'no calls before 08:00',
        nextAllowedAt: next,
      };
    }
    return { allowed: true };
  }
}

describe('a contact the policy refuses is not logged, and the refusal names the rule and when contact is next allowed', () => {
  let api: CollectionTestApi;
  let users: Record<'manager' | 'wang', Member>;
  let caseId: string;

  beforeAll(async () => {
    // 07:30 in Shanghai.
    api = await startCollectionApi({
      now: '2026-03-10T23:30:00Z',
      contactPolicy: new QuietHours(),
    });
    const tenant = await tenantWithUsers(api, 'contact-policy', {
      manager: ['manager'],
      wang: ['phone-collector'],
    });
    users = tenant.users;
    const { debtorId } = await debtorWithOverdueAccount(api, tenant.tenantId, {
      name: '卫十二',
      principal: '5000.00',
      dueOn: '2026-03-01',
      startDate: '2026-02-01',
    });
    caseId = await openCase(api, users.manager, debtorId);
    await assign(api, users.manager, caseId, users.wang);
  }, 180_000);
  afterAll(async () => api.close());

  it('a call at 07:30 → 422 naming contact.quiet-hours and 2026-03-11T00:00:00.000Z; an SMS is fine', async () => {
    const refused = await api
      .http()
      .post(`/api/v1/cases/${caseId}/contacts`)
      .set('Authorization', `Bearer ${users.wang.token}`)
      .send({ channel: 'call', party: 'debtor', outcomeCode: 'no-answer' })
      .expect(422);
    expect(refused.body.type).toBe('urn:qingshou:problem:contact-not-allowed');
    expect(refused.body.detail).toBe(
      'Contact refused by rule contact.quiet-hours: no calls before 08:00; next allowed at 2026-03-11T00:00:00.000Z',
    );
    expect(refused.body.errors).toEqual([
      {
        path: 'policy.contact.quiet-hours',
        reason: 'no calls before 08:00',
        // The figures a client words the refusal with in its own language (议题 11 §8).
        params: { nextAllowedAt: '2026-03-11T00:00:00.000Z' },
      },
    ]);
    await api
      .http()
      .post(`/api/v1/cases/${caseId}/contacts`)
      .set('Authorization', `Bearer ${users.wang.token}`)
      .send({ channel: 'sms', party: 'debtor', outcomeCode: 'left-message' })
      .expect(201);
    const rows = await ownerQuery(api, `select channel from contact_attempts where case_id = $1`, [
      caseId,
    ]);
    expect(rows).toEqual([{ channel: 'sms' }]);
  });
});
