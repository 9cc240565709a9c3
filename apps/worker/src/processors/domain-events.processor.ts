import { Processor, WorkerHost } from '@nestjs/bullmq';
import {
  DomainEventConsumers,
  DomainEventJobData,
  parseJobData,
  PublishedDomainEvent,
  QUEUES,
} from '@qingshou/jobs';
import { Job } from 'bullmq';

/**
 * Relayed events reach this process's consumers, awaited: a consumer that fails fails the
 * job and BullMQ retries it; consumers dedupe with ConsumedEvents.
 */
@Processor(QUEUES.domainEvents)
export class DomainEventsProcessor extends WorkerHost {
  constructor(private readonly consumers: DomainEventConsumers) {
    super();
  }

  async process(job: Job): Promise<void> {
    const data = parseJobData(DomainEventJobData, job.data, QUEUES.domainEvents);
    await this.consumers.dispatch(new PublishedDomainEvent({ ...data }));
  }
}
