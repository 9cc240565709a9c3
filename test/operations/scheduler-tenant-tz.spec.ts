import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { QUEUES } from '../../libs/jobs/src';
import {
  RequestedRun,
  schedulerIdOf,
  SCHEDULER_ACTOR,
  StartScheduledRun,
} from '../../libs/operations/src';
import { bootWorker, meta, packTenant, RunKit, startRunKit } from './support/run-kit';

const localTime = (millis: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(millis));

describe('each tenant’s nightly run is a BullMQ job scheduler at its local time in its own zone', () => {
  let kit: RunKit;
  let shanghai: string;
  let newYork: string;
  beforeAll(async () => {
    kit = await startRunKit('2026-03-10T01:00:00+08:00');
    shanghai = await packTenant(kit, 'ops-sched-sh');
    newYork = await packTenant(kit, 'ops-sched-ny', 'microloan-overdue', 'America/New_York');
    await kit.owner.query(`update tenants set daily_run_at = '22:30' where id = $1`, [newYork]);
  }, 120_000);
  afterAll(async () => kit?.close());

  it('a worker booting registers 01:00 Asia/Shanghai for one tenant and 22:30 America/New_York for the other', async () => {
    // The kit's worker booted before the tenants existed; a restarted worker finds them.
    const restarted = await bootWorker(kit.db, kit.prefix, kit.clock);
    try {
      const queue = restarted.get<Queue>(getQueueToken(QUEUES.runs));
      const sh = await queue.getJobScheduler(schedulerIdOf(shanghai));
      const ny = await queue.getJobScheduler(schedulerIdOf(newYork));
      expect(sh).toMatchObject({ pattern: '0 1 * * *', tz: 'Asia/Shanghai', name: 'scheduled' });
      expect(sh?.template?.data).toEqual({ tenantId: shanghai, kind: 'escalation' });
      expect(ny).toMatchObject({ pattern: '30 22 * * *', tz: 'America/New_York' });
      // BullMQ computes the next fire from the wall clock: 01:00 in Shanghai, 22:30 in New York.
      expect(localTime(sh!.next!, 'Asia/Shanghai')).toBe('01:00');
      expect(localTime(ny!.next!, 'America/New_York')).toBe('22:30');
    } finally {
      await restarted.close();
    }
  });

  it('fired at 17:00 UTC on 9 March, the Shanghai run is the run of 10 March (the tenant’s date)', async () => {
    const requested: RequestedRun = await kit.commands.execute(
      new StartScheduledRun(
        { ...meta(shanghai), actorId: SCHEDULER_ACTOR },
        'escalation',
        new Date('2026-03-09T17:00:00Z'),
      ),
    );
    expect(requested.run).toMatchObject({ asOf: '2026-03-10', requestedBy: SCHEDULER_ACTOR });
    expect(requested.created).toBe(true);
    const queue = kit.app.get<Queue>(getQueueToken(QUEUES.runs));
    const job = await queue.getJob(requested.run.id);
    expect(job?.name).toBe('run');
    // The kit's worker executes it (job id = run id); wait, so closing does not cut it off.
    for (let i = 0; i < 200 && (await job!.getState()) !== 'completed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const { rows } = await kit.owner.query(`select state from runs where id = $1`, [
      requested.run.id,
    ]);
    expect(rows[0].state).toBe('succeeded');
  });
});
