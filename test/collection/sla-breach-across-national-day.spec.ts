import { SlaScenario, slaScenario } from './support/sla-scenario';

/**
 * 2026 National Day: 10-01 to 10-07 off, 09-30 (Wed) and 10-08 (Thu) working. A
 * 2-working-hour SLA set Wednesday 09-30 17:00 has 30 minutes that day and 90 on 10-08:
 * due 2026-10-08 10:30 Shanghai (02:30Z), a week later.
 */
describe('a 2-working-hour SLA set before National Day 2026 breaches on 10-08 10:30, not in the holiday', () => {
  let s: SlaScenario;
  let task: { id: string; slaDueAt: string };

  beforeAll(async () => {
    s = await slaScenario('sla-national-day', '2026-09-30T09:00:00Z');
    task = await s.task('visit', 2);
  }, 180_000);
  afterAll(async () => s.api.close());

  it('falls due 2026-10-08 10:30 and raises one alert only after it, however many passes', async () => {
    expect(task.slaDueAt).toBe('2026-10-08T02:30:00.000Z');
    for (const at of [
      '2026-10-01T02:00:00Z',
      '2026-10-04T08:00:00Z',
      '2026-10-07T15:59:00Z',
      '2026-10-08T02:29:00Z',
    ]) {
      expect([at, await s.monitor(at)]).toEqual([at, 0]);
    }
    expect(await s.monitor('2026-10-08T02:31:00Z')).toBe(1);
    expect(await s.monitor('2026-10-08T02:46:00Z')).toBe(0);
  });
});
