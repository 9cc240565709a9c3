/** A fact to append to the tenant's event log. `before`/`after` make it an audit record. */
export interface DomainEvent {
  readonly type: string;
  readonly aggregateType: string;
  readonly aggregateId: string;
  readonly payload: Record<string, unknown>;
  readonly before?: Record<string, unknown> | null;
  readonly after?: Record<string, unknown> | null;
  /** Outbox topics to publish to after commit; none means audit only. */
  readonly publish?: readonly string[];
}

export interface EventContext {
  readonly tenantId: string;
  readonly actorId: string;
  readonly correlationId: string;
  /** Business time of the change; the injected clock's now. */
  readonly occurredAt: Date;
}

export interface StoredEvent {
  readonly tenantId: string;
  readonly seq: number;
  readonly id: string;
  readonly type: string;
  readonly aggregateType: string;
  readonly aggregateId: string;
  readonly actorId: string;
  readonly correlationId: string;
  readonly occurredAt: string;
  readonly payload: Record<string, unknown>;
  readonly before: Record<string, unknown> | null;
  readonly after: Record<string, unknown> | null;
  readonly prevHash: string;
  readonly hash: string;
}

/** What the outbox relay publishes and consumers receive. */
export interface PublishedEvent {
  readonly eventId: string;
  readonly tenantId: string;
  readonly seq: number;
  readonly type: string;
  readonly aggregateType: string;
  readonly aggregateId: string;
  readonly actorId: string;
  readonly correlationId: string;
  readonly occurredAt: string;
  readonly payload: Record<string, unknown>;
}
