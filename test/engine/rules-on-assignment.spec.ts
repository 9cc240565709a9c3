import { assign } from '../collection/support/fixtures';
import type { CollectionTestApi } from '../collection/support/collection-api';
import { loan, Member, openCase, ownerQuery, packTenant } from '../packs/support/pack-scenario';
import { EngineWorker, startEngineWorker } from './support/engine-worker';

/**
 * 篇八 with the real card-collection-agency pack: "电话催收人员接到案件后2小时必须开始催收"
 * (rule first-call on caseAssigned, SLA firstCallSla = 2 working hours), 交接 by the team
 * lead (caseReassigned), 外访 within 2 working days of hand-off (visitHandedOff). Assigned
 * Friday 2026-04-03 16:30, before the Qingming holiday (04-04 … 04-06).
 */
const local = (date: string, time: string) => `${date}T${time}:00+08:00`;

interface TaskRow extends Record<string, unknown> {
  kind: string;
  role: string | null;
  assignee_id: string | null;
  due_at: Date;
  sla_due_at: Date | null;
  idempotency_key: string;
}

describe('pack rules on assignment (篇八): SLAs in working hours from the event, once per event', () => {
  let api: CollectionTestApi;
  let worker: EngineWorker;
  let tenantId: string;
  let users: Record<'sup' | 'phone' | 'phone2' | 'field', Member>;
  let caseId: string;
  const tasks = () =>
    ownerQuery<TaskRow>(
      api,
      `select kind, role, assignee_id, due_at, sla_due_at, idempotency_key from tasks
       where case_id = $1 order by created_at, kind`,
      [caseId],
    );

  beforeAll(async () => {
    ({ api, tenantId, users } = await packTenant(
      'card-collection-agency',
      local('2026-04-03', '09:00'),
      {
        sup: ['manager'],
        phone: ['phone-collector'],
        phone2: ['phone-collector'],
        field: ['field-collector'],
      },
    ));
    worker = await startEngineWorker(api);
    const made = await loan(api, tenantId, {
      name: '持卡人甲',
      type: 'card-account',
      principal: '8800.00',
      startDate: '2025-12-01',
      dueOn: '2026-02-01',
    });
    caseId = await openCase(api, tenantId, users.sup.id, made.debtorId);
    await worker.take(tenantId); // the opening's events: no rule on caseOpened
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('assigned Friday 16:30 → a call task for the phone collector, SLA Tuesday 04-07 10:00 (1 h Friday + 1 h after the holiday)', async () => {
    api.clock.set(local('2026-04-03', '16:30'));
    await assign(api, users.sup, caseId, users.phone);
    // The real path: outbox → relay → BullMQ domain-events → worker → rules.
    await worker.relayAndWait(tenantId);
    const [call] = await tasks();
    expect(call).toMatchObject({
      kind: 'call',
      role: 'phone-collector',
      assignee_id: users.phone.id,
    });
    expect(call.due_at.toISOString()).toBe(new Date(local('2026-04-03', '16:30')).toISOString());
    expect(call.sla_due_at?.toISOString()).toBe(
      new Date(local('2026-04-07', '10:00')).toISOString(),
    );
    expect(await tasks()).toHaveLength(1);
  });

  it('the same CaseAssigned delivered again creates nothing: still 1 task, 1 engine action', async () => {
    const [{ payload: event }] = await ownerQuery<{ payload: never }>(
      api,
      `select payload from outbox where tenant_id = $1 and payload->>'type' = 'CaseAssigned'`,
      [tenantId],
    );
    const again = await worker.deliver(event);
    expect(again.rules).toBeNull();
    expect(await tasks()).toHaveLength(1);
    const [actions] = await ownerQuery<{ n: number }>(
      api,
      `select count(*)::int as n from engine_actions where tenant_id = $1 and source = 'rule'`,
      [tenantId],
    );
    expect(actions.n).toBe(1);
  });

  it('handed over to another phone collector (交接) → the team lead reviews it within a day; the new collector gets his own first call', async () => {
    api.clock.set(local('2026-04-08', '10:00'));
    await assign(api, users.sup, caseId, users.phone2, '客户下午方便接电话');
    const [event] = await worker.take(tenantId, ['CaseAssigned']);
    const fired = await worker.deliver(event);
    expect(fired.rules?.outcome.tasks.map((t) => [t.kind, t.role, t.assigneeId])).toEqual([
      ['call', 'phone-collector', users.phone2.id],
      ['review', 'supervisor', null],
    ]);
    const review = (await tasks()).find((t) => t.kind === 'review') as TaskRow;
    // due: 1d — a calendar day after the event.
    expect(review.due_at.toISOString()).toBe(new Date(local('2026-04-09', '10:00')).toISOString());
  });

  it('handed to a field collector (移交外访) → a visit within 2 working days (14 working hours): Friday 04-10 10:00', async () => {
    await assign(api, users.sup, caseId, users.field, '电话失联，转外访');
    const [event] = await worker.take(tenantId, ['CaseAssigned']);
    const fired = await worker.deliver(event);
    const kinds = fired.rules?.outcome.tasks.map((t) => [t.kind, t.role, t.assigneeId]);
    expect(kinds).toEqual([
      ['visit', 'field-collector', users.field.id],
      ['review', 'supervisor', null],
    ]);
    const visit = (await tasks()).find((t) => t.kind === 'visit') as TaskRow;
    expect(visit.sla_due_at?.toISOString()).toBe(
      new Date(local('2026-04-10', '10:00')).toISOString(),
    );
  });

  it('the field collector completes the visit (外访完成) → the supervisor reviews the record within a day; the assistant is notified', async () => {
    api.clock.set(local('2026-04-09', '15:00'));
    const visit = await ownerQuery<{ id: string }>(
      api,
      `select id from tasks where case_id = $1 and kind = 'visit'`,
      [caseId],
    );
    await api
      .http()
      .post(`/api/v1/tasks/${visit[0].id}/complete`)
      .set('Authorization', `Bearer ${users.field.token}`)
      .send({
        status: 'done',
        note: '已上门，客户承诺月底还款',
        result: 'met-debtor',
        address: '北京市朝阳区建国路 1 号',
      })
      .expect(200);
    const [event] = await worker.take(tenantId, ['TaskCompleted']);
    const fired = await worker.deliver(event);
    expect(fired.rules?.outcome.tasks.map((t) => [t.kind, t.role, t.dueAt])).toEqual([
      ['review', 'supervisor', new Date(local('2026-04-10', '15:00')).toISOString()],
    ]);
    expect(fired.rules?.outcome.notifications.map((n) => n.role)).toEqual(['assistant']);
  });
});
