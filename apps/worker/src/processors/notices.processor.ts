import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { systemMeta } from '@qingshou/core';
import { NoticeDispatchJobData, parseJobData, QUEUES } from '@qingshou/jobs';
import {
  DispatchNotices,
  DispatchProgress,
  DispatchSummary,
  NoticesModule,
} from '@qingshou/notices';
import { ENGINE_NOTICES_PORTS } from '@qingshou/engine';
import { Job } from 'bullmq';

/**
 * One delivery pass per job. A pass that leaves transient failures (SMTP 4xx, a gateway
 * 503) fails the job so BullMQ retries it with backoff (NOTICE_DISPATCH_JOB_OPTIONS); the
 * dispatch rows make the retry send only what has not gone out.
 */
@Processor(QUEUES.notices, { concurrency: 1 })
export class NoticesProcessor extends WorkerHost {
  constructor(private readonly commands: CommandBus) {
    super();
  }

  async process(job: Job): Promise<DispatchSummary> {
    const data = parseJobData(NoticeDispatchJobData, job.data, QUEUES.notices);
    const summary: DispatchSummary = await this.commands.execute(
      new DispatchNotices(
        systemMeta({
          tenantId: data.tenantId,
          actorId: 'worker:notices',
          correlationId: data.correlationId,
        }),
        data.asOf ?? null,
        { onProgress: (p: DispatchProgress) => job.updateProgress({ ...p }) },
      ),
    );
    if (summary.retrying > 0) {
      throw new Error(`${summary.retrying} dispatch(es) failed transiently; retrying with backoff`);
    }
    return summary;
  }
}

/** The worker imports this one module for the notices queue (handlers + processor). */
@Module({
  // The same port-bound module the rest of the worker loads: one instance, not two.
  imports: [NoticesModule.withPorts(ENGINE_NOTICES_PORTS)],
  providers: [NoticesProcessor],
})
export class NoticesWorkerModule {}
