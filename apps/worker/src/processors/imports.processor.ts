import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { systemMeta } from '@qingshou/core';
import { ImportProgress, ImportsModule, ImportView, RunImport } from '@qingshou/imports';
import { ImportJobData, parseJobData, QUEUES } from '@qingshou/jobs';
import { Job } from 'bullmq';

/**
 * One import per job: dispatches RunImport and mirrors its progress into the job (rows done,
 * rows/s) for the queue board. A retried job resumes after the import's last committed chunk.
 */
@Processor(QUEUES.imports)
export class ImportsProcessor extends WorkerHost {
  constructor(private readonly commands: CommandBus) {
    super();
  }

  async process(job: Job): Promise<ImportView> {
    const data = parseJobData(ImportJobData, job.data, QUEUES.imports);
    return this.commands.execute(
      new RunImport(
        systemMeta({
          tenantId: data.tenantId,
          actorId: 'worker:imports',
          correlationId: data.correlationId,
        }),
        data.importId,
        {
          finalAttempt: job.attemptsMade + 1 >= (job.opts.attempts ?? 1),
          onProgress: (p: ImportProgress) =>
            job.updateProgress({
              phase: p.phase,
              rowsDone: p.rowsTotal,
              rowsOk: p.rowsOk,
              rowsFailed: p.rowsFailed,
              rowsPerSecond: Math.round(p.rowsPerSecond),
            }),
        },
      ),
    );
  }
}

/** The worker imports this one module for the imports queue (handlers + processor). */
@Module({ imports: [ImportsModule], providers: [ImportsProcessor] })
export class ImportsWorkerModule {}
