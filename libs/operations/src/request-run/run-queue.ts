import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { QUEUES, RunJobData } from '@qingshou/jobs';
import { Queue } from 'bullmq';

/** PORT: hands a run to the worker. Apps with queues bind it (OperationsModule.register). */
export abstract class RunQueue {
  abstract enqueue(data: RunJobData): Promise<void>;
}

@Injectable()
export class BullRunQueue extends RunQueue {
  constructor(@InjectQueue(QUEUES.runs) private readonly queue: Queue) {
    super();
  }

  /**
   * Job id = run id: BullMQ drops an add whose id it still holds (waiting, active, or a
   * stalled active job that its stalled check will hand back), so a run is never executed
   * by two jobs. A finished or failed job of that id is removed first: the run it executed
   * was queued again on purpose (a failed run re-requested).
   */
  async enqueue(data: RunJobData): Promise<void> {
    const existing = await this.queue.getJob(data.runId);
    if (existing) {
      const state = await existing.getState();
      if (state === 'completed' || state === 'failed') await existing.remove();
    }
    await this.queue.add('run', { ...data }, { jobId: data.runId });
  }
}
