import { InjectQueue } from '@nestjs/bullmq';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PLATFORM_TENANT_ID, TenantTx } from '@qingshou/db';
import { QUEUES, ScheduledRunJobData } from '@qingshou/jobs';
import { Queue } from 'bullmq';
import { schedulerIdOf, dailyPattern } from './run-schedule';
import { SyncedSchedules, SyncRunSchedules } from './sync-run-schedules.command';

interface TenantRow {
  id: string;
  status: string;
  time_zone: string;
  daily_run_at: string;
}

@CommandHandler(SyncRunSchedules)
export class SyncRunSchedulesHandler implements ICommandHandler<SyncRunSchedules, SyncedSchedules> {
  constructor(
    private readonly tx: TenantTx,
    @InjectQueue(QUEUES.runs) private readonly queue: Queue,
  ) {}

  async execute(command: SyncRunSchedules): Promise<SyncedSchedules> {
    // The tenants directory is not tenant-scoped (no RLS); the platform tenant runs nothing.
    const tenants = await this.tx.runUnscoped((em) =>
      em.execute<TenantRow[]>(
        `select id, status, time_zone, daily_run_at from tenants
         where id <> ? and (?::uuid is null or id = ?::uuid) order by id`,
        [PLATFORM_TENANT_ID, command.tenantId ?? null, command.tenantId ?? null],
      ),
    );
    const registered: SyncedSchedules['registered'] = [];
    const removed: string[] = [];
    for (const t of tenants) {
      const id = schedulerIdOf(t.id);
      if (t.status !== 'active') {
        if (await this.queue.removeJobScheduler(id)) removed.push(t.id);
        continue;
      }
      const pattern = dailyPattern(t.daily_run_at);
      const data: ScheduledRunJobData = { tenantId: t.id, kind: 'escalation' };
      const current = await this.queue.getJobScheduler(id);
      if (current?.pattern === pattern && current.tz === t.time_zone) continue;
      await this.queue.upsertJobScheduler(
        id,
        { pattern, tz: t.time_zone },
        { name: 'scheduled', data: { ...data } },
      );
      registered.push({ tenantId: t.id, pattern, tz: t.time_zone });
    }
    return { registered, removed };
  }
}
