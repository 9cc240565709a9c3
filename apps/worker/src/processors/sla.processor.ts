import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { Clock } from '@qingshou/calendar';
import {
  CollectionModule,
  ListSlaTenants,
  MonitorSlas,
  MonitorSlasResult,
} from '@qingshou/collection';
import { parseJobData, QUEUES, SlaMonitorJobData } from '@qingshou/jobs';
import { ENGINE_COLLECTION_PORTS } from '@qingshou/engine';
import { Job, Queue } from 'bullmq';

export const SLA_MONITOR_EVERY_MS = 15 * 60_000;
/**
 * On the quarter hour. A cron pattern rather than `every`: BullMQ fires an `every` schedule
 * at once on registration, so each worker boot (and each test worker) would run a pass.
 */
export const SLA_MONITOR_PATTERN = '*/15 * * * *';
const SCHEDULER_ID = 'sla-monitor';

/**
 * `fan-out` (the repeatable job) enqueues one `tenant` job per active tenant, keyed by the
 * 15-minute slot so a re-run of the fan-out adds nothing; `tenant` runs MonitorSlas at the
 * clock's now. Tenants created since the last slot are picked up by the next one.
 */
@Processor(QUEUES.slaMonitor)
export class SlaMonitorProcessor extends WorkerHost {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
    @InjectQueue(QUEUES.slaMonitor) private readonly queue: Queue,
  ) {
    super();
  }

  async process(job: Job): Promise<MonitorSlasResult | { tenants: number }> {
    const data = parseJobData(SlaMonitorJobData, job.data, QUEUES.slaMonitor);
    if (data.kind === 'fan-out') {
      const tenants: string[] = await this.queries.execute(new ListSlaTenants(data.correlationId));
      const slot = Math.floor(this.clock.now().getTime() / SLA_MONITOR_EVERY_MS);
      await this.queue.addBulk(
        tenants.map((tenantId) => ({
          name: 'tenant',
          data: { kind: 'tenant', tenantId, correlationId: `sla-${slot}` },
          opts: { jobId: `sla-${tenantId}-${slot}` },
        })),
      );
      return { tenants: tenants.length };
    }
    const meta = {
      tenantId: data.tenantId as string,
      actorId: 'worker:sla-monitor',
      correlationId: data.correlationId,
    };
    return this.commands.execute(new MonitorSlas(meta, this.clock.now()));
  }
}

/** Registers (idempotently) the repeatable fan-out at boot. */
@Injectable()
export class SlaMonitorSchedule implements OnApplicationBootstrap {
  constructor(@InjectQueue(QUEUES.slaMonitor) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      SCHEDULER_ID,
      { pattern: SLA_MONITOR_PATTERN },
      { name: 'fan-out', data: { kind: 'fan-out', correlationId: SCHEDULER_ID } },
    );
  }
}

/** The worker imports this one module for the SLA monitor (handlers, processor, schedule). */
@Module({
  imports: [CollectionModule.withPorts(ENGINE_COLLECTION_PORTS)],
  providers: [SlaMonitorProcessor, SlaMonitorSchedule],
})
export class SlaWorkerModule {}
