import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { QUEUES, RUN_CHUNK_JOB_OPTIONS, RunChunkJobData } from '@qingshou/jobs';
import { Queue } from 'bullmq';

/**
 * PORT: hands a planned chunk to any worker. Only the worker binds it
 * (`OperationsModule.register({ fanOut: true })`); elsewhere (the CLI, the API) a step
 * evaluates its chunks in-process, as before.
 */
export abstract class RunChunkQueue {
  abstract enqueue(data: RunChunkJobData): Promise<void>;
}

/** A chunk's job id, without ':' (BullMQ refuses it in custom ids). */
export const runChunkJobId = (data: Pick<RunChunkJobData, 'runId' | 'step' | 'seq'>) =>
  `${data.runId}-${data.step}-${data.seq}`;

@Injectable()
export class BullRunChunkQueue extends RunChunkQueue {
  constructor(@InjectQueue(QUEUES.runChunks) private readonly queue: Queue) {
    super();
  }

  /**
   * BullMQ drops an add whose id it still holds (waiting, delayed, active), so a chunk
   * re-enqueued by a resumed step is never taken twice at once; a failed or finished job of
   * that id is removed first, since its chunk is still pending on purpose.
   */
  async enqueue(data: RunChunkJobData): Promise<void> {
    const jobId = runChunkJobId(data);
    const existing = await this.queue.getJob(jobId);
    if (existing) {
      const state = await existing.getState();
      if (state === 'completed' || state === 'failed') await existing.remove();
    }
    await this.queue.add('chunk', { ...data }, { jobId, ...RUN_CHUNK_JOB_OPTIONS });
  }
}
