import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { TenantTx } from '@qingshou/db';

/**
 * Exactly-once effects on an at-least-once stream: the consumer's work and the record that
 * it consumed the event commit together, and a second delivery finds the record and skips.
 */
@Injectable()
export class ConsumedEvents {
  constructor(private readonly tx: TenantTx) {}

  /** Runs `work` unless this consumer already consumed the event; returns whether it ran. */
  once(
    tenantId: string,
    consumer: string,
    eventId: string,
    work: (em: EntityManager) => Promise<void>,
  ): Promise<boolean> {
    return this.tx.run(tenantId, async (em) => {
      const inserted = await em.execute<{ event_id: string }[]>(
        `insert into consumed_events (tenant_id, consumer, event_id) values (?, ?, ?)
         on conflict do nothing returning event_id`,
        [tenantId, consumer, eventId],
      );
      if (inserted.length === 0) return false;
      await work(em);
      return true;
    });
  }
}
