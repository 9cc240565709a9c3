import type { CollectionTestApi } from './support/collection-api';
import {
  assign,
  debtorWithOverdueAccount,
  Member,
  openCase,
  ownerQuery,
  tenantWithUsers,
} from './support/fixtures';
import { installPack, startEngineApi } from '../engine/support/engine-api';

/** A Shanghai wall time as an ISO instant. */
const local = (date: string, time: string) => `${date}T${time}:00+08:00`;

type Who = 'manager' | 'wang' | 'zhao';

/**
 * Issue 11 §3, contact logging as the trade does it, through the HTTP API with the pinned
 * packs' rules (real PostgreSQL): the contact's own time, every 7-day window, the pack's
 * result codes and follow-up, causes (篇六), recordings (篇八), and a promise saved with
 * its contact or not at all.
 */
describe('contact logging (催记) under the pinned pack', () => {
  let api: CollectionTestApi;
  const tenants: Record<string, { id: string; users: Record<Who, Member> }> = {};

  /** A fresh case of the tenant's, held by wang. */
  async function freshCase(tenant: string, name: string): Promise<string> {
    const t = tenants[tenant];
    const { debtorId } = await debtorWithOverdueAccount(api, t.id, {
      name,
      principal: '3000.00',
      dueOn: '2026-03-01',
      startDate: '2026-02-01',
    });
    const caseId = await openCase(api, t.users.manager, debtorId);
    await assign(api, t.users.manager, caseId, t.users.wang);
    return caseId;
  }
  const post = (tenant: string, caseId: string) =>
    api
      .http()
      .post(`/api/v1/cases/${caseId}/contacts`)
      .set('Authorization', `Bearer ${tenants[tenant].users.wang.token}`);
  const call = (extra: Record<string, unknown> = {}) => ({
    channel: 'call',
    party: 'debtor',
    outcomeCode: 'no-answer',
    ...extra,
  });
  const rows = (sql: string, caseId: string) => ownerQuery(api, sql, [caseId]);

  beforeAll(async () => {
    // Thursday 2026-03-12, 21:05 in Shanghai: after the 21:00 close of contact hours.
    api = await startEngineApi(local('2026-03-12', '21:05'));
    for (const [slug, pack] of [
      ['cl-student', 'student-loan'],
      ['cl-agency', 'card-collection-agency'],
      ['cl-microloan', 'microloan-overdue'],
    ] as const) {
      const t = await tenantWithUsers(api, slug, {
        manager: ['manager'],
        wang: ['phone-collector'],
        zhao: ['field-collector'],
      });
      await installPack(api, t.tenantId, pack);
      tenants[slug] = { id: t.tenantId, users: t.users };
    }
  }, 240_000);
  afterAll(async () => api?.close());

  afterEach(() => api.clock.set(local('2026-03-12', '21:05')));

  it('a call at 20:40 logged at 21:05 is accepted (hours judged at the contact time); one at 21:05 is refused until 08:00', async () => {
    const caseId = await freshCase('cl-student', '严一');
    await post('cl-student', caseId)
      .send(call({ attemptedAt: local('2026-03-12', '20:40') }))
      .expect(201);
    const refused = await post('cl-student', caseId).send(call()).expect(422);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ path: 'policy.contact.allowed-hours' }),
    ]);
    expect(refused.body.detail).toContain('next allowed at 2026-03-13T00:00:00.000Z');
    const saved = await rows(
      `select attempted_at, follow_up_on::text from contact_attempts where case_id = $1`,
      caseId,
    );
    expect(saved).toEqual([
      { attempted_at: new Date('2026-03-12T12:40:00Z'), follow_up_on: '2026-03-13' },
    ]);
  });

  it('the result code sets the follow-up: 无人接听 +1 day creates the call task; 承诺还款 +3 days moves the same task', async () => {
    const caseId = await freshCase('cl-student', '严二');
    await post('cl-student', caseId)
      .send(call({ attemptedAt: local('2026-03-12', '10:00') }))
      .expect(201);
    const first = await rows(
      `select id, due_at from tasks where case_id = $1 and kind = 'call' and status = 'open'`,
      caseId,
    );
    expect(first).toEqual([
      { id: expect.any(String), due_at: new Date(local('2026-03-13', '09:00')) },
    ]);
    const promised = await post('cl-student', caseId)
      .send(call({ attemptedAt: local('2026-03-12', '11:00'), outcomeCode: 'promised-to-pay' }))
      .expect(201);
    expect(promised.body.followUp).toEqual({ taskId: first[0].id, on: '2026-03-15', moved: true });
    // A date typed wins over the code's days; a date before today is refused at the field.
    await post('cl-student', caseId)
      .send(call({ attemptedAt: local('2026-03-12', '12:00'), nextFollowUpOn: '2026-03-11' }))
      .expect(400)
      .expect((r) => expect(r.body.errors[0].path).toBe('nextFollowUpOn'));
    const open = await rows(
      `select id, due_at from tasks where case_id = $1 and kind = 'call' and status = 'open'`,
      caseId,
    );
    expect(open).toEqual([{ id: first[0].id, due_at: new Date(local('2026-03-15', '09:00')) }]);
  });

  it('a back-dated call that makes 8 in a 7-day window ending after it is refused (cap 7), next allowed 2026-03-17 08:00', async () => {
    const caseId = await freshCase('cl-student', '严三');
    // 7 calls in 10–16 March, each logged the day it was made: two on the 10th, one a day 11th–15th.
    const made = [
      ['2026-03-10', '09:00'],
      ['2026-03-10', '15:00'],
      ['2026-03-11', '10:00'],
      ['2026-03-12', '10:00'],
      ['2026-03-13', '10:00'],
      ['2026-03-14', '10:00'],
      ['2026-03-15', '10:00'],
    ];
    for (const [date, time] of made) {
      api.clock.set(local(date, '16:00'));
      await post('cl-student', caseId)
        .send(call({ attemptedAt: local(date, time) }))
        .expect(201);
    }
    // Sunday 15th, 16:00: a call made on the 12th at 17:00 is written up (71 hours later).
    // Counting only the calls before it (4 in 6–12 March) would have let it through.
    const refused = await post('cl-student', caseId)
      .send(call({ attemptedAt: local('2026-03-12', '17:00') }))
      .expect(422);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ path: 'policy.contact.max-attempts-per-7-days' }),
    ]);
    expect(refused.body.detail).toContain('next allowed at 2026-03-17T00:00:00.000Z');
    const [count] = await rows(
      `select count(*)::int as n from contact_attempts where case_id = $1`,
      caseId,
    );
    expect(count.n).toBe(7);
    // Past the pack's 72 hours a contact cannot be logged at all: refused at its time field.
    await post('cl-student', caseId)
      .send(call({ attemptedAt: local('2026-03-12', '15:59') }))
      .expect(400)
      .expect((r) => expect(r.body.errors[0].path).toBe('attemptedAt'));
  });

  it('a refused contact with a promise saves neither; accepted, both are saved in one go and the case reads 已承诺', async () => {
    const caseId = await freshCase('cl-student', '严四');
    const promise = { promiseAmount: '800.00', promiseDueOn: '2026-03-20' };
    await post('cl-student', caseId).send(call(promise)).expect(422);
    const none = await rows(
      `select (select count(*)::int from contact_attempts where case_id = $1) as contacts,
              (select count(*)::int from promises where case_id = $1) as promises,
              (select status from cases where id = $1) as status`,
      caseId,
    );
    expect(none).toEqual([{ contacts: 0, promises: 0, status: 'open' }]);
    // Half a promise is refused at the missing field, and saves nothing either.
    await post('cl-student', caseId)
      .send(call({ attemptedAt: local('2026-03-12', '20:40'), promiseAmount: '800.00' }))
      .expect(400)
      .expect((r) => expect(r.body.errors[0].path).toBe('promiseDueOn'));
    const saved = await post('cl-student', caseId)
      .send(
        call({
          attemptedAt: local('2026-03-12', '20:40'),
          outcomeCode: 'promised-to-pay',
          ...promise,
        }),
      )
      .expect(201);
    const both = await rows(
      `select ct.promise_id, p.amount::text, p.due_on::text, p.promised_on::text, c.status
       from contact_attempts ct join promises p on p.tenant_id = ct.tenant_id and p.id = ct.promise_id
       join cases c on c.tenant_id = ct.tenant_id and c.id = ct.case_id where ct.case_id = $1`,
      caseId,
    );
    expect(both).toEqual([
      {
        promise_id: saved.body.promiseId,
        amount: '800.00',
        due_on: '2026-03-20',
        promised_on: '2026-03-12',
        status: 'promised',
      },
    ]);
  });

  it('a result code the pack does not declare is refused at outcomeCode', async () => {
    const caseId = await freshCase('cl-student', '严五');
    await post('cl-student', caseId)
      .send(call({ attemptedAt: local('2026-03-12', '20:40'), outcomeCode: 'letter-returned' }))
      .expect(400)
      .expect((r) => expect(r.body.errors[0].path).toBe('outcomeCode'));
  });

  it('篇八: an agency call without a recording is refused at the file field; with one it is saved', async () => {
    const caseId = await freshCase('cl-agency', '严六');
    const refused = await post('cl-agency', caseId)
      .send(call({ attemptedAt: local('2026-03-12', '20:40') }))
      .expect(400);
    expect(refused.body.errors).toEqual([
      { path: 'file', reason: 'a recording is required for this channel by the pack' },
    ]);
    await post('cl-agency', caseId)
      .field('channel', 'call')
      .field('party', 'debtor')
      .field('outcomeCode', 'no-answer')
      .field('attemptedAt', local('2026-03-12', '20:40'))
      .field('notes', '本人未接，已录音')
      .attach('file', Buffer.from('RIFF....WAVEfmt '), {
        filename: 'call.wav',
        contentType: 'audio/wav',
      })
      .expect(201);
    const [saved] = await rows(
      `select count(*)::int as n, count(attachment_id)::int as recorded from contact_attempts where case_id = $1`,
      caseId,
    );
    expect(saved).toEqual({ n: 1, recorded: 1 });
  });

  it('requireNotes (microloan): a contact without 情况记录 is refused at notes and saves nothing', async () => {
    const caseId = await freshCase('cl-microloan', '严八');
    const bare = call({
      attemptedAt: local('2026-03-12', '20:40'),
      overdueReasonCode: 'business-cash-flow',
    });
    for (const notes of [undefined, '   ']) {
      const refused = await post('cl-microloan', caseId)
        .send({ ...bare, notes })
        .expect(400);
      expect(refused.body.errors).toEqual([
        { path: 'notes', reason: 'is required by the pack (what was said and done)' },
      ]);
    }
    const [none] = await rows(
      `select count(*)::int as n from contact_attempts where case_id = $1`,
      caseId,
    );
    expect(none).toEqual({ n: 0 });
    await post('cl-microloan', caseId)
      .send({ ...bare, notes: '客户称货款未回' })
      .expect(201);
    // The student-loan pack does not require notes: a bare call still goes through.
    const student = await freshCase('cl-student', '严九');
    await post('cl-student', student)
      .send(call({ attemptedAt: local('2026-03-12', '20:40') }))
      .expect(201);
  });

  it("the follow-up call goes to the case's assignee if they hold the pack's call role (电话催收人员 → phone-collector), else it waits unassigned on that role's worklist", async () => {
    const t = tenants['cl-microloan'];
    const visit = {
      channel: 'visit',
      party: 'debtor',
      outcomeCode: 'promised-to-pay',
      attemptedAt: local('2026-03-12', '16:00'),
      overdueReasonCode: 'business-cash-flow',
      notes: '上门见到本人，承诺月底前还清',
      promiseAmount: '1000.00',
      promiseDueOn: '2026-03-20',
    };
    const followUp = (caseId: string) =>
      rows(
        `select assignee_id, role, due_at from tasks
         where case_id = $1 and kind = 'call' and status = 'open'`,
        caseId,
      );
    // Handed off to the field collector 赵 (account manager): his visit's promise makes a
    // 电话催收 follow-up that is not his, but the phone collectors' (承诺还款 +3 days).
    const handedOff = await freshCase('cl-microloan', '严十');
    await assign(api, t.users.manager, handedOff, t.users.zhao, '电话催收无果，转外访');
    await api
      .http()
      .post(`/api/v1/cases/${handedOff}/contacts`)
      .set('Authorization', `Bearer ${t.users.zhao.token}`)
      .send(visit)
      .expect(201);
    expect(await followUp(handedOff)).toEqual([
      {
        assignee_id: null,
        role: 'phone-collector',
        due_at: new Date(local('2026-03-15', '09:00')),
      },
    ]);
    // Held by the phone collector 王: the same contact's follow-up is his.
    const own = await freshCase('cl-microloan', '严十一');
    await post('cl-microloan', own).send(visit).expect(201);
    expect(await followUp(own)).toEqual([
      {
        assignee_id: t.users.wang.id,
        role: 'phone-collector',
        due_at: new Date(local('2026-03-15', '09:00')),
      },
    ]);
  });

  it('篇六: a microloan contact without its overdue cause is refused; with one the cause is on the contact and the case', async () => {
    const caseId = await freshCase('cl-microloan', '严七');
    await post('cl-microloan', caseId)
      .send(call({ attemptedAt: local('2026-03-12', '20:40'), notes: '未接' }))
      .expect(400)
      .expect((r) => expect(r.body.errors[0].path).toBe('overdueReasonCode'));
    await post('cl-microloan', caseId)
      .send(
        call({
          attemptedAt: local('2026-03-12', '20:40'),
          notes: '客户称货款未回',
          overdueReasonCode: 'business-cash-flow',
        }),
      )
      .expect(201);
    const [stored] = await rows(
      `select ct.overdue_reason_code as contact, c.overdue_reason_code as case
       from contact_attempts ct join cases c on c.tenant_id = ct.tenant_id and c.id = ct.case_id
       where ct.case_id = $1`,
      caseId,
    );
    expect(stored).toEqual({ contact: 'business-cash-flow', case: 'business-cash-flow' });
  });

  it("逾期原因分析 reads the cause stored on the contact, in the pack's words", async () => {
    const t = tenants['cl-microloan'];
    // The case's own cause says otherwise (set at opening): the contact's, later, wins.
    await ownerQuery(
      api,
      `update cases c set overdue_reason_code = 'wrong-card' from debtors d
       where d.tenant_id = c.tenant_id and d.id = c.debtor_id and d.name = '严七'`,
    );
    const run = (
      await api
        .http()
        .post('/api/v1/reports/overdue-reasons')
        .set('Authorization', `Bearer ${t.users.manager.token}`)
        .send({ asOf: '2026-03-12', format: 'html' })
        .expect(201)
    ).body as { id: string };
    const page = await api
      .http()
      .get(`/api/v1/reports/runs/${run.id}/download`)
      .set('Authorization', `Bearer ${t.users.manager.token}`)
      .expect(200);
    const html = String(page.text);
    expect(html).toContain('严七');
    expect(html).toContain('正常经营产生的资金周转困难');
    expect(html).not.toContain('business-cash-flow');
    expect(html).not.toContain('存错存折');
  });
});
