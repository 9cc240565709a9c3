import { Injectable, Logger, type Type } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { IEventHandler } from '@nestjs/cqrs';
import { EVENTS_HANDLER_METADATA } from '@nestjs/cqrs/dist/decorators/constants';
import { PublishedDomainEvent } from './published-domain-event';

/**
 * Hands a relayed event to every `@EventsHandler(PublishedDomainEvent)` and WAITS for them.
 * `EventBus.publish` is fire-and-forget: a consumer that failed there would be logged and
 * lost, while here its failure fails the BullMQ job, which retries it. Consumers are
 * idempotent per event (ConsumedEvents.once), so a retry redoes only what failed. A class
 * provided by two module instances is called once.
 */
@Injectable()
export class DomainEventConsumers {
  private readonly logger = new Logger('DomainEvents');
  private consumers?: IEventHandler<PublishedDomainEvent>[];

  constructor(private readonly discovery: DiscoveryService) {}

  async dispatch(event: PublishedDomainEvent): Promise<void> {
    const results = await Promise.allSettled(this.all().map((c) => c.handle(event)));
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failures.length === 0) return;
    const reasons = failures.map((f) => (f.reason as Error)?.message ?? String(f.reason));
    this.logger.error(`${event.event.type} ${event.event.eventId}: ${reasons.join('; ')}`);
    throw new AggregateError(
      failures.map((f) => f.reason),
      `${failures.length} consumer(s) of ${event.event.type} failed: ${reasons.join('; ')}`,
    );
  }

  private all(): IEventHandler<PublishedDomainEvent>[] {
    if (this.consumers) return this.consumers;
    const seen = new Set<Type>();
    this.consumers = [];
    for (const wrapper of this.discovery.getProviders()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype || seen.has(metatype as Type)) continue;
      const events: unknown[] = Reflect.getMetadata(EVENTS_HANDLER_METADATA, metatype) ?? [];
      if (!events.includes(PublishedDomainEvent)) continue;
      seen.add(metatype as Type);
      this.consumers.push(instance as IEventHandler<PublishedDomainEvent>);
    }
    return this.consumers;
  }
}
