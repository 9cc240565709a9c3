import { Processor, WorkerHost } from '@nestjs/bullmq';
import { CommandBus } from '@nestjs/cqrs';
import { parseJobData, QUEUES, RecordHeartbeat, SystemJobData } from '@qingshou/jobs';
import type { HeartbeatResult } from '@qingshou/jobs';
import { Job } from 'bullmq';

@Processor(QUEUES.system)
export class SystemProcessor extends WorkerHost {
  constructor(private readonly commands: CommandBus) {
    super();
  }

  async process(job: Job): Promise<HeartbeatResult> {
    const data = parseJobData(SystemJobData, job.data, QUEUES.system);
    return this.commands.execute(new RecordHeartbeat(data.correlationId));
  }
}
