import { Injectable, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService } from '@nestjs/core';
import { WorkerHost } from '@nestjs/bullmq';
import type { Job, Worker } from 'bullmq';
import { JobDurations, JobOutcome } from './job-durations';

/**
 * Times every BullMQ processor of the process without touching them: after the workers
 * start it listens to each worker's `completed` and `failed` events and records
 * finishedOn − processedOn. A processor that wants finer timings calls JobDurations itself.
 */
@Injectable()
export class WorkerJobTimer implements OnApplicationBootstrap {
  private readonly logger = new Logger(WorkerJobTimer.name);

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly durations: JobDurations,
  ) {}

  onApplicationBootstrap(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (!(instance instanceof WorkerHost)) continue;
      let worker: Worker | undefined;
      try {
        worker = instance.worker;
      } catch {
        continue;
      }
      if (!worker) continue;
      const name = worker.name;
      const record = (job: Job | undefined, outcome: JobOutcome) => {
        if (!job?.processedOn || !job.finishedOn) return;
        this.durations
          .observe(name, outcome, (job.finishedOn - job.processedOn) / 1000)
          .catch((error: Error) => this.logger.warn(`job metrics not recorded: ${error.message}`));
      };
      worker.on('completed', (job: Job) => record(job, 'completed'));
      worker.on('failed', (job: Job | undefined) => record(job, 'failed'));
    }
  }
}

/** The worker imports this to time its jobs; the API imports JobDurations to read them. */
@Module({
  imports: [DiscoveryModule],
  providers: [JobDurations, WorkerJobTimer],
  exports: [JobDurations],
})
export class JobMetricsModule {}
