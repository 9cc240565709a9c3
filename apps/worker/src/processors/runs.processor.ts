import { Processor, WorkerHost } from '@nestjs/bullmq';
import {
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  Injectable,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { systemMeta } from '@qingshou/core';
import {
  parseJobData,
  QUEUES,
  RunChunkJobData,
  RunJobData,
  ScheduledRunJobData,
} from '@qingshou/jobs';
import {
  AFTER_RUN_STEPS,
  ExecuteRun,
  ExecuteRunChunk,
  type RunChunkResult,
  OperationsModule,
  RequestedRun,
  ResumeRuns,
  RunView,
  SCHEDULER_ACTOR,
  StartScheduledRun,
  SyncRunSchedules,
} from '@qingshou/operations';
import { ReportingModule } from '@qingshou/reporting';
import { Job } from 'bullmq';
import { randomBytes, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * How long a run job's lock lives without renewal. A worker killed mid-run leaves its job
 * active; BullMQ's stalled check hands it back once the lock expired, and the run resumes
 * from its checkpoint. RUNS_LOCK_MS shortens the wait (the SIGKILL test); the default is
 * BullMQ's 30 s. A run may stall many times (each resume is safe), hence maxStalledCount.
 */
const LOCK_MS = Number(process.env.RUNS_LOCK_MS ?? 30_000);

/** Re-syncs the tenants' schedulers this often, so a tenant created since gets its own. */
const SCHEDULE_SYNC_MS = 5 * 60_000;

@Processor(QUEUES.runs, {
  concurrency: 1,
  lockDuration: LOCK_MS,
  stalledInterval: Math.min(30_000, LOCK_MS),
  maxStalledCount: 10,
})
export class RunsProcessor extends WorkerHost {
  constructor(private readonly commands: CommandBus) {
    super();
  }

  async process(job: Job): Promise<RunView | { runId: string; created: boolean }> {
    if (job.name === 'scheduled') {
      const data = parseJobData(ScheduledRunJobData, job.data, QUEUES.runs);
      const requested: RequestedRun = await this.commands.execute(
        new StartScheduledRun(
          systemMeta({
            tenantId: data.tenantId,
            actorId: SCHEDULER_ACTOR,
            correlationId: `schedule-${job.id}`,
          }),
          data.kind,
          firedAt(job),
        ),
      );
      return { runId: requested.run.id, created: requested.created };
    }
    const data = parseJobData(RunJobData, job.data, QUEUES.runs);
    return this.commands.execute(
      new ExecuteRun(
        systemMeta({
          tenantId: data.tenantId,
          actorId: SCHEDULER_ACTOR,
          correlationId: data.correlationId,
        }),
        data.runId,
        {
          finalAttempt: job.attemptsMade + 1 >= (job.opts.attempts ?? 1),
          onProgress: (run: RunView) =>
            job.updateProgress({ state: run.state, ...run.progress, counts: run.counts }),
        },
      ),
    );
  }
}

/**
 * Who takes a run's chunks, recorded on each chunk: WORKER_NAME, else host, pid and a tag
 * drawn at boot (two worker apps in one process, as in the fan-out spec, differ too).
 */
export abstract class WorkerName {
  abstract readonly value: string;
}

/** One chunk of a fanned-out run step; any worker process takes it (issue 15 §3). */
@Processor(QUEUES.runChunks, {
  concurrency: 1,
  lockDuration: LOCK_MS,
  stalledInterval: Math.min(30_000, LOCK_MS),
  maxStalledCount: 10,
})
export class RunChunksProcessor extends WorkerHost {
  constructor(
    private readonly commands: CommandBus,
    private readonly workerName: WorkerName,
  ) {
    super();
  }

  process(job: Job): Promise<RunChunkResult> {
    const data = parseJobData(RunChunkJobData, job.data, QUEUES.runChunks);
    return this.commands.execute(
      new ExecuteRunChunk(
        systemMeta({
          tenantId: data.tenantId,
          actorId: data.actorId,
          correlationId: data.correlationId,
        }),
        data.runId,
        data.step,
        data.seq,
        this.workerName.value,
      ),
    );
  }
}

/** A scheduler's job id is `repeat:<scheduler>:<fire millis>`: the date is the fire time's. */
function firedAt(job: Job): Date {
  const millis = Number(String(job.id).split(':').pop());
  return new Date(Number.isFinite(millis) && millis > 0 ? millis : job.timestamp + job.delay);
}

/** At boot: every tenant's scheduler, then the runs a crash left unfinished. */
@Injectable()
export class RunsBootstrap implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DailyRun');
  private timer?: NodeJS.Timeout;

  constructor(private readonly commands: CommandBus) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.sync();
    const resumed: string[] = await this.commands.execute(new ResumeRuns(`boot-${randomUUID()}`));
    if (resumed.length > 0) this.logger.log(`resuming ${resumed.length} unfinished run(s)`);
    this.timer = setInterval(() => void this.sync(), SCHEDULE_SYNC_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async sync(): Promise<void> {
    try {
      await this.commands.execute(new SyncRunSchedules(`schedules-${randomUUID()}`));
    } catch (error) {
      this.logger.error(`run schedules not synced: ${(error as Error).message}`);
    }
  }
}

/** The worker imports this one module for the runs queue, its schedulers and payment events. */
@Module({
  imports: [
    OperationsModule.register({
      queue: true,
      consumeEvents: true,
      fanOut: true,
      extraSteps: AFTER_RUN_STEPS,
      imports: [ReportingModule],
    }),
  ],
  providers: [
    RunsProcessor,
    RunChunksProcessor,
    RunsBootstrap,
    {
      provide: WorkerName,
      useFactory: (): WorkerName => ({
        value:
          process.env.WORKER_NAME ??
          `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
      }),
    },
  ],
})
export class RunsWorkerModule {}
