import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { Clock } from '@qingshou/calendar';
import { systemMeta } from '@qingshou/core';
import {
  ArchiveRecordings,
  CollectionModule,
  ListSlaTenants,
  RecordingsArchiveRun,
} from '@qingshou/collection';
import { ENGINE_COLLECTION_PORTS } from '@qingshou/engine';
import { parseJobData, QUEUES, RecordingsArchiveJobData } from '@qingshou/jobs';
import { Job, Queue } from 'bullmq';

/**
 * 02:30 in Asia/Shanghai (18:30 UTC), after the day's calls. A cron pattern, not `every`:
 * an `every` schedule fires at once on registration (each worker boot would run a pass).
 */
export const RECORDINGS_ARCHIVE_PATTERN = '30 18 * * *';
const SCHEDULER_ID = 'recordings-archive';
const DAY_MS = 86_400_000;

/**
 * `fan-out` enqueues one `tenant` job per active tenant keyed by the day, so a re-run of the
 * fan-out adds nothing; `tenant` archives the recordings added since that tenant's last run.
 */
@Processor(QUEUES.recordings)
export class RecordingsArchiveProcessor extends WorkerHost {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
    @InjectQueue(QUEUES.recordings) private readonly queue: Queue,
  ) {
    super();
  }

  async process(job: Job): Promise<RecordingsArchiveRun | { tenants: number }> {
    const data = parseJobData(RecordingsArchiveJobData, job.data, QUEUES.recordings);
    if (data.kind === 'fan-out') {
      const tenants: string[] = await this.queries.execute(new ListSlaTenants(data.correlationId));
      const day = Math.floor(this.clock.now().getTime() / DAY_MS);
      await this.queue.addBulk(
        tenants.map((tenantId) => ({
          name: 'tenant',
          data: { kind: 'tenant', tenantId, correlationId: `recordings-${day}` },
          opts: { jobId: `recordings-${tenantId}-${day}` },
        })),
      );
      return { tenants: tenants.length };
    }
    const meta = systemMeta({
      tenantId: data.tenantId as string,
      actorId: 'worker:recordings-archive',
      correlationId: data.correlationId,
    });
    return this.commands.execute(new ArchiveRecordings(meta));
  }
}

/** Registers (idempotently) the daily fan-out at boot. */
@Injectable()
export class RecordingsArchiveSchedule implements OnApplicationBootstrap {
  constructor(@InjectQueue(QUEUES.recordings) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      SCHEDULER_ID,
      { pattern: RECORDINGS_ARCHIVE_PATTERN },
      { name: 'fan-out', data: { kind: 'fan-out', correlationId: SCHEDULER_ID } },
    );
  }
}

@Module({
  imports: [CollectionModule.withPorts(ENGINE_COLLECTION_PORTS)],
  providers: [RecordingsArchiveProcessor, RecordingsArchiveSchedule],
})
export class RecordingsWorkerModule {}
