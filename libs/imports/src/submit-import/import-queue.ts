import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ImportJobData, QUEUES } from '@qingshou/jobs';
import { Queue } from 'bullmq';

/** PORT: hands a registered import to the worker. Only the API provides it (withQueue()). */
export abstract class ImportQueue {
  abstract enqueue(data: ImportJobData, jobId: string): Promise<void>;
}

@Injectable()
export class BullImportQueue extends ImportQueue {
  constructor(@InjectQueue(QUEUES.imports) private readonly queue: Queue) {
    super();
  }

  /**
   * BullMQ drops an add whose id it still holds, so a double submit runs once. A finished
   * or failed job of the same id is removed first: the import it ran was re-queued on purpose.
   */
  async enqueue(data: ImportJobData, jobId: string): Promise<void> {
    const existing = await this.queue.getJob(jobId);
    if (existing) {
      const state = await existing.getState();
      if (state === 'completed' || state === 'failed') await existing.remove();
    }
    await this.queue.add('run', { ...data }, { jobId });
  }
}
