import { Processor, WorkerHost } from '@nestjs/bullmq';
import { EventBus } from '@nestjs/cqrs';
import { DomainEventJobData, parseJobData, PublishedDomainEvent, QUEUES } from '@qingshou/jobs';
import { Job } from 'bullmq';

/** Relayed events reach this process's EventBus; handlers dedupe with ConsumedEvents. */
@Processor(QUEUES.domainEvents)
export class DomainEventsProcessor extends WorkerHost {
  constructor(private readonly eventBus: EventBus) {
    super();
  }

  async process(job: Job): Promise<void> {
    const data = parseJobData(DomainEventJobData, job.data, QUEUES.domainEvents);
    this.eventBus.publish(new PublishedDomainEvent({ ...data }));
  }
}
