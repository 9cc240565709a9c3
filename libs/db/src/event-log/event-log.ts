import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { DomainEvent, EventContext, StoredEvent } from './domain-event';
import { eventHash, GENESIS_HASH } from './event-hash';

/**
 * Appends events to the tenant's hash chain and queues their outbox rows, inside the
 * caller's transaction. Locking the chain head row serialises writers per tenant, so two
 * commands never fork the chain; different tenants never wait on each other.
 */
@Injectable()
export class EventLog {
  async append(
    em: EntityManager,
    ctx: EventContext,
    events: readonly DomainEvent[],
  ): Promise<StoredEvent[]> {
    if (events.length === 0) return [];
    await em.execute(
      `insert into event_chain_heads (tenant_id, last_seq, last_hash) values (?, 0, ?)
       on conflict (tenant_id) do nothing`,
      [ctx.tenantId, GENESIS_HASH],
    );
    const [head] = await em.execute<{ last_seq: string; last_hash: string }[]>(
      `select last_seq, last_hash from event_chain_heads where tenant_id = ? for update`,
      [ctx.tenantId],
    );
    let seq = Number(head.last_seq);
    let prevHash = head.last_hash;
    const stored: StoredEvent[] = [];
    for (const event of events) {
      seq += 1;
      const unsigned = {
        tenantId: ctx.tenantId,
        seq,
        id: randomUUID(),
        type: event.type,
        aggregateType: event.aggregateType,
        aggregateId: event.aggregateId,
        actorId: ctx.actorId,
        correlationId: ctx.correlationId,
        occurredAt: ctx.occurredAt.toISOString(),
        payload: event.payload,
        before: event.before ?? null,
        after: event.after ?? null,
        prevHash,
      };
      const hash = eventHash(unsigned);
      stored.push({ ...unsigned, hash });
      prevHash = hash;
    }
    await this.insertEvents(em, stored);
    await this.insertOutbox(em, stored, events);
    await em.execute(
      `update event_chain_heads set last_seq = ?, last_hash = ? where tenant_id = ?`,
      [seq, prevHash, ctx.tenantId],
    );
    return stored;
  }

  private async insertEvents(em: EntityManager, stored: StoredEvent[]): Promise<void> {
    const rows = stored.map(
      () => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?)',
    );
    const params = stored.flatMap((e) => [
      e.tenantId,
      e.seq,
      e.id,
      e.type,
      e.aggregateType,
      e.aggregateId,
      e.actorId,
      e.correlationId,
      e.occurredAt,
      JSON.stringify(e.payload),
      e.before === null ? null : JSON.stringify(e.before),
      e.after === null ? null : JSON.stringify(e.after),
      e.prevHash,
      e.hash,
    ]);
    await em.execute(
      `insert into event_log (tenant_id, seq, id, type, aggregate_type, aggregate_id, actor_id,
         correlation_id, occurred_at, payload, before, after, prev_hash, hash)
       values ${rows.join(', ')}`,
      params,
    );
  }

  private async insertOutbox(
    em: EntityManager,
    stored: StoredEvent[],
    events: readonly DomainEvent[],
  ): Promise<void> {
    const rows: unknown[][] = [];
    stored.forEach((e, i) => {
      for (const topic of events[i].publish ?? []) {
        const message = {
          eventId: e.id,
          tenantId: e.tenantId,
          seq: e.seq,
          type: e.type,
          aggregateType: e.aggregateType,
          aggregateId: e.aggregateId,
          actorId: e.actorId,
          correlationId: e.correlationId,
          occurredAt: e.occurredAt,
          payload: e.payload,
        };
        rows.push([e.tenantId, randomUUID(), e.id, topic, JSON.stringify(message)]);
      }
    });
    if (rows.length === 0) return;
    await em.execute(
      `insert into outbox (tenant_id, id, event_id, topic, payload)
       values ${rows.map(() => '(?, ?, ?, ?, ?::jsonb)').join(', ')}`,
      rows.flat(),
    );
  }
}
