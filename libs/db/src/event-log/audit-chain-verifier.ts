import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { StoredEvent } from './domain-event';
import { eventHash, GENESIS_HASH } from './event-hash';

export type ChainVerdict =
  | { ok: true; events: number }
  | { ok: false; events: number; brokenAtSeq: number; eventId: string; reason: string };

interface EventRow {
  tenant_id: string;
  seq: string;
  id: string;
  type: string;
  aggregate_type: string;
  aggregate_id: string;
  actor_id: string;
  correlation_id: string;
  occurred_at: Date;
  payload: Record<string, unknown>;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  prev_hash: string;
  hash: string;
}

const PAGE = 5000;

/** Walks a tenant's chain in order and names the first row whose link does not hold. */
@Injectable()
export class AuditChainVerifier {
  async verify(em: EntityManager, tenantId: string): Promise<ChainVerdict> {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    let count = 0;
    for (;;) {
      const rows = await em.execute<EventRow[]>(
        `select * from event_log where tenant_id = ? and seq >= ? order by seq limit ${PAGE}`,
        [tenantId, expectedSeq],
      );
      for (const row of rows) {
        const event = toStored(row);
        const broken = (reason: string): ChainVerdict => ({
          ok: false,
          events: count,
          brokenAtSeq: event.seq,
          eventId: event.id,
          reason,
        });
        if (event.seq !== expectedSeq) return broken(`sequence gap: expected ${expectedSeq}`);
        if (event.prevHash !== prevHash) return broken('prev_hash does not match the previous row');
        if (eventHash(event) !== event.hash) return broken('hash does not match the row content');
        prevHash = event.hash;
        expectedSeq += 1;
        count += 1;
      }
      if (rows.length < PAGE) return { ok: true, events: count };
    }
  }
}

function toStored(row: EventRow): StoredEvent {
  return {
    tenantId: row.tenant_id,
    seq: Number(row.seq),
    id: row.id,
    type: row.type,
    aggregateType: row.aggregate_type,
    aggregateId: row.aggregate_id,
    actorId: row.actor_id,
    correlationId: row.correlation_id,
    occurredAt: new Date(row.occurred_at).toISOString(),
    payload: row.payload,
    before: row.before,
    after: row.after,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
