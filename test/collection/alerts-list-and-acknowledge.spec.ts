import { SlaScenario, slaScenario } from './support/sla-scenario';

describe('GET /alerts and POST /alerts/{id}/acknowledge: supervisors see and acknowledge SLA breaches', () => {
  let s: SlaScenario;
  let taskId: string;

  beforeAll(async () => {
    s = await slaScenario('sla-alerts', '2026-11-27T09:00:00Z');
    taskId = (await s.task('call', 2)).id;
    await s.monitor('2026-11-30T03:00:00Z');
  }, 180_000);
  afterAll(async () => s.api.close());

  it('the supervisor lists the open alert with its task; a collector may not (403)', async () => {
    const list = await s.as(s.users.supA).get('/alerts?state=open').expect(200);
    expect(list.body).toEqual({
      items: [
        expect.objectContaining({
          kind: 'task-sla-breach',
          state: 'open',
          taskId,
          caseId: s.caseId,
          taskKind: 'call',
          assigneeId: s.users.wang.id,
          addressedRole: 'supervisor',
          addressedUserId: s.users.supA.id,
          dueAt: '2026-11-30T02:30:00.000Z',
          detectedAt: '2026-11-30T03:00:00.000Z',
        }),
      ],
      nextCursor: null,
    });
    await s.as(s.users.wang).get('/alerts').expect(403);
  });

  it('acknowledging closes it for the open list; a repeat changes nothing', async () => {
    const [alert] = (await s.as(s.users.manager).get('/alerts').expect(200)).body.items;
    s.api.clock.set('2026-11-30T03:05:00Z');
    const ack = await s
      .as(s.users.supA)
      .post(`/alerts/${alert.id}/acknowledge`, { note: '已督促王今日上午拨打' })
      .expect(200);
    expect(ack.body).toEqual({
      id: alert.id,
      state: 'acknowledged',
      acknowledgedBy: s.users.supA.id,
      acknowledgedAt: '2026-11-30T03:05:00.000Z',
      changed: true,
    });
    const again = await s
      .as(s.users.manager)
      .post(`/alerts/${alert.id}/acknowledge`, {})
      .expect(200);
    expect(again.body).toMatchObject({ changed: false, acknowledgedBy: s.users.supA.id });
    expect((await s.as(s.users.supA).get('/alerts?state=open').expect(200)).body.items).toEqual([]);
    const done = await s.as(s.users.supA).get('/alerts?state=acknowledged').expect(200);
    expect(done.body.items).toEqual([
      expect.objectContaining({ id: alert.id, acknowledgeNote: '已督促王今日上午拨打' }),
    ]);
  });
});
