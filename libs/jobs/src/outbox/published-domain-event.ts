import type { PublishedEvent } from '@qingshou/db';

/** The in-process EventBus form of a relayed event (after commit, at least once). */
export class PublishedDomainEvent {
  constructor(readonly event: PublishedEvent) {}
}
