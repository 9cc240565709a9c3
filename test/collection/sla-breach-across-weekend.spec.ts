import { SlaScenario, slaScenario } from './support/sla-scenario';
import { ownerQuery } from './support/fixtures';

/**
 * Working hours are 09:00–12:00 and 13:30–17:30 (libs/calendar DEFAULT_WORKING_HOURS). A
 * 2-working-hour SLA set Friday 2026-11-27 17:00 has 30 minutes on Friday and 90 on Monday:
 * it falls due Monday 2026-11-30 10:30 (02:30Z).
 */
describe('篇八: a 2-working-hour SLA set Friday 17:00 breaches Monday 10:30, not over the weekend', () => {
  let s: SlaScenario;
  let visitTask: { id: string; slaDueAt: string };
  let callTask: { id: string; slaDueAt: string };

  beforeAll(async () => {
    s = await slaScenario('sla-weekend', '2026-11-27T09:00:00Z');
    visitTask = await s.task('visit', 2);
    callTask = await s.task('call', 2);
  }, 180_000);
  afterAll(async () => s.api.close());

  it('the SLA instant is Monday 10:30 Shanghai time', () => {
    expect(visitTask.slaDueAt).toBe('2026-11-30T02:30:00.000Z');
    expect(callTask.slaDueAt).toBe('2026-11-30T02:30:00.000Z');
  });

  it('no alert on Saturday, Sunday or Monday 10:29:59', async () => {
    expect(await s.monitor('2026-11-28T04:00:00Z')).toBe(0); // Sat 12:00
    expect(await s.monitor('2026-11-29T12:00:00Z')).toBe(0); // Sun 20:00
    expect(await s.monitor('2026-11-30T02:29:59Z')).toBe(0); // Mon 10:29:59
  });

  it('a call logged Monday 09:10 starts the call task; only the untouched visit task breaches at 10:30:01, and a second pass adds nothing', async () => {
    s.api.clock.set('2026-11-30T01:10:00Z');
    await s
      .as(s.users.wang)
      .post(`/cases/${s.caseId}/contacts`, {
        channel: 'call',
        party: 'debtor',
        outcomeCode: 'no-answer',
      })
      .expect(201);
    const started = await ownerQuery<{ kind: string; started_at: Date | null }>(
      s.api,
      `select kind, started_at from tasks where tenant_id = $1 order by kind`,
      [s.tenantId],
    );
    expect(started).toEqual([
      { kind: 'call', started_at: new Date('2026-11-30T01:10:00Z') },
      { kind: 'visit', started_at: null },
    ]);

    expect(await s.monitor('2026-11-30T02:30:01Z')).toBe(1);
    expect(await s.monitor('2026-11-30T02:45:00Z')).toBe(0);

    const alerts = await ownerQuery<Record<string, unknown>>(
      s.api,
      `select task_id, kind, state, addressed_role, addressed_user_id from alerts where tenant_id = $1`,
      [s.tenantId],
    );
    expect(alerts).toEqual([
      {
        task_id: visitTask.id,
        kind: 'task-sla-breach',
        state: 'open',
        addressed_role: 'supervisor',
        addressed_user_id: s.users.supA.id,
      },
    ]);
    const events = await ownerQuery<{ type: string }>(
      s.api,
      `select type from event_log where tenant_id = $1 and type = 'TaskSlaBreached'`,
      [s.tenantId],
    );
    expect(events).toHaveLength(1);
  });
});
