import { CqrsModule } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { ApprovalPolicy, CollectionModule, ContactPolicy } from '../../libs/collection/src';
import { AppConfigModule } from '../../libs/core/src';
import { DbModule } from '../../libs/db/src';
import {
  ENGINE_COLLECTION_PORTS,
  PackApprovalPolicy,
  PackContactPolicy,
} from '../../libs/engine/src';
import type { CollectionTestApi } from '../collection/support/collection-api';
import {
  assign,
  debtorWithOverdueAccount,
  Member,
  openCase,
  ownerQuery,
  tenantWithUsers,
} from '../collection/support/fixtures';
import { installPack, startEngineApi } from './support/engine-api';

/** A Shanghai wall time as an instant. */
const local = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);

describe('contact rules from the pinned pack: 08:00-21:00, 3 a day, 7 in 7 days, debtor and guarantor only', () => {
  let api: CollectionTestApi;
  let policy: PackContactPolicy;
  let tenantId: string;
  let users: Record<'manager' | 'wang', Member>;
  let caseId: string;
  let debtorId: string;

  const ask = (at: Date, party: 'debtor' | 'guarantor' | 'other' = 'debtor') =>
    policy.check({
      tenantId,
      caseId,
      debtorId,
      actorId: users.wang.id,
      channel: 'call',
      party,
      at,
    });
  /** A call logged an hour after it was made (a contact may be logged 72 hours late at most). */
  const logCall = (at: Date) => {
    const now = api.clock.now();
    api.clock.set(new Date(at.getTime() + 3_600_000));
    return api
      .http()
      .post(`/api/v1/cases/${caseId}/contacts`)
      .set('Authorization', `Bearer ${users.wang.token}`)
      .send({
        channel: 'call',
        party: 'debtor',
        outcomeCode: 'no-answer',
        attemptedAt: at.toISOString(),
      })
      .then((response) => {
        api.clock.set(now);
        return response;
      });
  };

  beforeAll(async () => {
    // Thursday 2026-03-12, 21:30 in Shanghai: every attempt below is in the past.
    api = await startEngineApi('2026-03-12T13:30:00Z');
    policy = api.app.get(PackContactPolicy, { strict: false });
    const tenant = await tenantWithUsers(api, 'engine-contact', {
      manager: ['manager'],
      wang: ['phone-collector'],
    });
    tenantId = tenant.tenantId;
    users = tenant.users;
    await installPack(api, tenantId);
    ({ debtorId } = await debtorWithOverdueAccount(api, tenantId, {
      name: '周九',
      principal: '3000.00',
      dueOn: '2026-03-01',
      startDate: '2026-02-01',
    }));
    caseId = await openCase(api, users.manager, debtorId);
    await assign(api, users.manager, caseId, users.wang);
  }, 180_000);
  afterAll(async () => api?.close());

  it('a call at 20:59 is allowed; at 21:00 it is refused, naming the rule and 08:00 the next day', async () => {
    expect(await ask(local('2026-03-12', '20:59'))).toEqual({ allowed: true });
    expect(await ask(local('2026-03-12', '21:00'))).toEqual({
      allowed: false,
      rule: 'contact.allowed-hours',
      reason: 'contact is allowed from 08:00 to 21:00',
      params: { start: '08:00', end: '21:00' },
      nextAllowedAt: local('2026-03-13', '08:00'),
    });
  });

  it('a call task is offered on the worklist at 21:30 with the refusal and 08:00 next day', async () => {
    await api
      .http()
      .post(`/api/v1/cases/${caseId}/tasks`)
      .set('Authorization', `Bearer ${users.manager.token}`)
      .send({
        kind: 'call',
        dueAt: local('2026-03-12', '09:00').toISOString(),
        assigneeId: users.wang.id,
      })
      .expect(201);
    const worklist = await api
      .http()
      .get('/api/v1/worklist')
      .set('Authorization', `Bearer ${users.wang.token}`)
      .expect(200);
    const call = worklist.body.items.find((item: { kind: string }) => item.kind === 'call');
    expect(call.contact).toEqual({
      allowed: false,
      rule: 'contact.allowed-hours',
      reason: 'contact is allowed from 08:00 to 21:00',
      params: { start: '08:00', end: '21:00' },
      nextAllowedAt: local('2026-03-13', '08:00').toISOString(),
    });
  });

  it('an unrelated third party is refused, with no time it would be allowed', async () => {
    expect(await ask(local('2026-03-12', '10:00'), 'other')).toEqual({
      allowed: false,
      rule: 'contact.allowed-parties',
      reason: 'the pack allows contacting only: debtor, guarantor',
      params: { parties: 'debtor,guarantor' },
    });
    expect(await ask(local('2026-03-12', '10:00'), 'guarantor')).toEqual({ allowed: true });
  });

  it('logging contacts: 7 attempts over 03-06…03-11 pass; the 8th in 7 days is refused (422) until 08:00 on 03-13', async () => {
    const seven = [
      local('2026-03-06', '10:00'),
      local('2026-03-06', '11:00'),
      ...['07', '08', '09', '10', '11'].map((d) => local(`2026-03-${d}`, '10:00')),
    ];
    for (const at of seven) expect((await logCall(at)).status).toBe(201);
    const refused = await logCall(local('2026-03-12', '10:00'));
    expect(refused.status).toBe(422);
    expect(refused.body.type).toBe('urn:qingshou:problem:contact-not-allowed');
    expect(refused.body.detail).toBe(
      'Contact refused by rule contact.max-attempts-per-7-days: at most 7 attempts per debtor in 7 days; next allowed at 2026-03-13T00:00:00.000Z',
    );
    const rows = await ownerQuery<{ n: number }>(
      api,
      `select count(*)::int as n from contact_attempts where case_id = $1`,
      [caseId],
    );
    expect(rows[0].n).toBe(7);
  });

  it('the 4th attempt of one day is refused (3 a day) with next allowed 08:00 the next day', async () => {
    // On 03-01, before the seven above (every 7-day window containing it holds 3 of them,
    // so three more fit): three calls pass, the fourth is refused.
    for (const time of ['09:00', '10:00', '11:00']) {
      expect((await logCall(local('2026-03-01', time))).status).toBe(201);
    }
    expect(await ask(local('2026-03-01', '15:00'))).toEqual({
      allowed: false,
      rule: 'contact.max-attempts-per-day',
      reason: 'at most 3 attempts per debtor per day',
      params: { max: 3 },
      nextAllowedAt: local('2026-03-02', '08:00'),
    });
  });

  it('issue 11 §3: on 03-04, before the seven above, one call fits and a second is refused: the window 03-04…03-10 would hold 8', async () => {
    expect(await ask(local('2026-03-04', '09:00'))).toEqual({ allowed: true });
    expect((await logCall(local('2026-03-04', '09:00'))).status).toBe(201);
    expect(await ask(local('2026-03-04', '10:00'))).toEqual({
      allowed: false,
      rule: 'contact.max-attempts-per-7-days',
      reason: 'at most 7 attempts per debtor in 7 days',
      params: { max: 7 },
      nextAllowedAt: local('2026-03-13', '08:00'),
    });
  });

  it('an app binds the engine with CollectionModule.withPorts(ENGINE_COLLECTION_PORTS): the ports are the pack-backed ones', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        AppConfigModule.forRoot(api.db.config),
        CqrsModule.forRoot(),
        DbModule,
        CollectionModule.withPorts(ENGINE_COLLECTION_PORTS),
      ],
    }).compile();
    try {
      expect(moduleRef.get(ContactPolicy, { strict: false })).toBeInstanceOf(PackContactPolicy);
      expect(moduleRef.get(ApprovalPolicy, { strict: false })).toBeInstanceOf(PackApprovalPolicy);
    } finally {
      await moduleRef.close();
    }
  });
});
