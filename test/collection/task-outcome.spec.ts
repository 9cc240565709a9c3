import { CollectionTestApi, startCollectionApi } from './support/collection-api';
import {
  assign,
  debtorWithOverdueAccount,
  Member,
  openCase,
  ownerQuery,
  tenantWithUsers,
} from './support/fixtures';

/**
 * Issue 11 §4: completing a task records what was done — the deliverable its kind names. A
 * call task is done with the contact it made (a contact of another case will not do), a
 * visit with its result, address and notes, a review with a note; without it, 400 naming
 * the field and nothing changes.
 */
describe('CompleteTask refuses without the deliverable and stores the outcome with it', () => {
  let api: CollectionTestApi;
  let users: Record<'manager' | 'wang', Member>;
  let caseId: string;
  let otherCaseId: string;
  const ids: Record<string, string> = {};

  const complete = (taskId: string, body: Record<string, unknown>, status = 200) =>
    api
      .http()
      .post(`/api/v1/tasks/${taskId}/complete`)
      .set('Authorization', `Bearer ${users.wang.token}`)
      .send({ status: 'done', ...body })
      .expect(status);

  const logContact = async (onCase: string) =>
    (
      await api
        .http()
        .post(`/api/v1/cases/${onCase}/contacts`)
        .set('Authorization', `Bearer ${users.wang.token}`)
        .send({ channel: 'call', party: 'debtor', outcomeCode: 'promised-to-pay' })
        .expect(201)
    ).body.id as string;

  const taskRow = async (id: string) =>
    (
      await ownerQuery<Record<string, unknown>>(
        api,
        `select status, outcome_result, outcome_ref, outcome_note from tasks where id = $1`,
        [id],
      )
    )[0];

  beforeAll(async () => {
    api = await startCollectionApi({ now: '2026-03-11T02:00:00Z' });
    const tenant = await tenantWithUsers(api, 'task-outcome', {
      manager: ['manager'],
      wang: ['phone-collector', 'field-collector'],
    });
    users = tenant.users;
    const owe = async (name: string) =>
      (
        await debtorWithOverdueAccount(api, tenant.tenantId, {
          name,
          principal: '5000.00',
          dueOn: '2026-03-01',
          startDate: '2026-02-01',
        })
      ).debtorId;
    caseId = await openCase(api, users.manager, await owe('周一'));
    otherCaseId = await openCase(api, users.manager, await owe('吴二'));
    for (const id of [caseId, otherCaseId]) await assign(api, users.manager, id, users.wang);
    for (const kind of ['call', 'visit', 'review']) {
      const created = await api
        .http()
        .post(`/api/v1/cases/${caseId}/tasks`)
        .set('Authorization', `Bearer ${users.manager.token}`)
        .send({ kind, dueAt: '2026-03-11T09:00:00+08:00', assigneeId: users.wang.id })
        .expect(201);
      ids[kind] = created.body.id;
    }
  }, 180_000);
  afterAll(async () => api?.close());

  it('a call task without a contact is refused (400, contactId) and stays open', async () => {
    const refused = await complete(ids.call, { note: '打过了' }, 400);
    expect(refused.body.errors).toEqual([{ path: 'contactId', reason: 'is required' }]);
    expect(await taskRow(ids.call)).toMatchObject({ status: 'open', outcome_ref: null });
  });

  it('a contact of another case is refused (400) too', async () => {
    const elsewhere = await logContact(otherCaseId);
    const refused = await complete(ids.call, { contactId: elsewhere }, 400);
    expect(refused.body.errors).toEqual([
      { path: 'contactId', reason: 'is not one of the case’s records' },
    ]);
  });

  it('with the contact just logged on its case it is done, linked to the contact, on the timeline', async () => {
    const contactId = await logContact(caseId);
    await complete(ids.call, { contactId, note: '承诺周五还款' });
    expect(await taskRow(ids.call)).toEqual({
      status: 'done',
      outcome_result: null,
      outcome_ref: { contactId },
      outcome_note: '承诺周五还款',
    });
    const [event] = await ownerQuery<{ payload: Record<string, unknown> }>(
      api,
      `select payload from event_log where type = 'TaskCompleted' and aggregate_id = $1`,
      [caseId],
    );
    expect(event.payload).toMatchObject({
      taskId: ids.call,
      deliverable: 'contact',
      ref: { contactId },
    });
  });

  it('a visit needs result, address and notes: each missing one is named; all three store it', async () => {
    const none = await complete(ids.visit, {}, 400);
    expect(none.body.errors).toEqual([{ path: 'result', reason: 'is required' }]);
    const noAddress = await complete(ids.visit, { result: 'not-at-home' }, 400);
    expect(noAddress.body.errors).toEqual([{ path: 'address', reason: 'is required' }]);
    const noNote = await complete(
      ids.visit,
      { result: 'not-at-home', address: '杭州市拱墅区湖墅南路 88 号' },
      400,
    );
    expect(noNote.body.errors).toEqual([{ path: 'note', reason: 'is required' }]);
    await complete(ids.visit, {
      result: 'not-at-home',
      address: '杭州市拱墅区湖墅南路 88 号',
      note: '无人应门，已留联系卡',
    });
    expect(await taskRow(ids.visit)).toEqual({
      status: 'done',
      outcome_result: 'not-at-home',
      outcome_ref: { address: '杭州市拱墅区湖墅南路 88 号' },
      outcome_note: '无人应门，已留联系卡',
    });
  });

  it('a review needs a note of what was done', async () => {
    const refused = await complete(ids.review, {}, 400);
    expect(refused.body.errors).toEqual([{ path: 'note', reason: 'is required' }]);
    await complete(ids.review, { note: '已核对联系记录' });
    expect(await taskRow(ids.review)).toMatchObject({
      status: 'done',
      outcome_note: '已核对联系记录',
    });
  });
});
