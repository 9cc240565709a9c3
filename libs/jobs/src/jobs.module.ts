import { DiscoveryModule } from '@nestjs/core';
import { DomainEventConsumers } from './outbox/domain-event-consumers';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ConsumedEvents } from './outbox/consumed-events';
import { OutboxRelay } from './outbox/outbox-relay';
import { RecordHeartbeatHandler } from './heartbeat/record-heartbeat.handler';

/** Outbox relay and consumer idempotency; needs QueuesModule.forRoot() in the app. */
@Module({
  imports: [CqrsModule, DiscoveryModule],
  providers: [OutboxRelay, ConsumedEvents, DomainEventConsumers, RecordHeartbeatHandler],
  exports: [OutboxRelay, ConsumedEvents, DomainEventConsumers],
})
export class JobsModule {}
