import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { StoredEvent } from './domain-event';

export const GENESIS_HASH = '0'.repeat(64);

/** hash = sha256(prev_hash ‖ canonical JSON of the event), RFC 8785 canonical form. */
export function eventHash(event: Omit<StoredEvent, 'hash'>): string {
  const body = canonicalize({
    tenantId: event.tenantId,
    seq: event.seq,
    id: event.id,
    type: event.type,
    aggregateType: event.aggregateType,
    aggregateId: event.aggregateId,
    actorId: event.actorId,
    correlationId: event.correlationId,
    occurredAt: event.occurredAt,
    payload: event.payload,
    before: event.before,
    after: event.after,
  });
  return createHash('sha256')
    .update(event.prevHash + (body ?? ''))
    .digest('hex');
}
