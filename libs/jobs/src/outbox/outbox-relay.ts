import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { TenantTx } from '@qingshou/db';
import type { PublishedEvent } from '@qingshou/db';
import { Queue } from 'bullmq';
import { QUEUES } from '../queues/queue-names';

interface OutboxRow {
  id: string;
  topic: string;
  payload: PublishedEvent;
}

const BATCH = 200;

/**
 * Moves committed outbox rows to BullMQ; the worker's domain-events processor hands them to
 * the EventBus there. Rows are locked while a batch is
 * published and marked only after every publish returned, so a relay killed mid-batch
 * leaves them pending and the next relay publishes them again: at least once. The job id
 * is the outbox id, so BullMQ drops a re-add of a job it still holds, and consumers drop
 * the rest through `consumed_events`.
 */
@Injectable()
export class OutboxRelay implements OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private stopped = false;

  constructor(
    private readonly tx: TenantTx,
    @InjectQueue(QUEUES.domainEvents) private readonly queue: Queue,
  ) {}

  start(intervalMs = 500): void {
    this.stopped = false;
    const tick = async () => {
      if (this.stopped) return;
      try {
        this.running = this.drainAll();
        await this.running;
      } catch (error) {
        this.logger.error(`outbox relay pass failed: ${(error as Error).message}`);
      } finally {
        if (!this.stopped) this.timer = setTimeout(tick, intervalMs);
      }
    };
    this.timer = setTimeout(tick, 0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One pass over every tenant; returns how many events were published. */
  async drainAll(): Promise<number> {
    const tenants = await this.tx.runUnscoped((em) =>
      em.execute<{ id: string }[]>(`select id from tenants order by id`),
    );
    let published = 0;
    for (const { id } of tenants) published += await this.drainTenant(id);
    return published;
  }

  async drainTenant(tenantId: string): Promise<number> {
    let total = 0;
    for (;;) {
      const count = await this.tx.run(tenantId, async (em) => {
        const rows = await em.execute<OutboxRow[]>(
          `select id, topic, payload from outbox
           where tenant_id = ? and published_at is null
           order by created_at, id limit ${BATCH} for update skip locked`,
          [tenantId],
        );
        for (const row of rows) await this.publish(row);
        await this.afterPublish(rows.length);
        if (rows.length > 0) {
          await em.execute(
            `update outbox set published_at = now(), attempts = attempts + 1
             where tenant_id = ? and id in (${rows.map(() => '?').join(', ')})`,
            [tenantId, ...rows.map((r) => r.id)],
          );
        }
        return rows.length;
      });
      total += count;
      if (count < BATCH) return total;
    }
  }

  private async publish(row: OutboxRow): Promise<void> {
    if (row.topic !== QUEUES.domainEvents)
      throw new Error(`No queue for outbox topic ${row.topic}`);
    await this.queue.add(row.payload.type, row.payload, { jobId: `outbox-${row.id}` });
  }

  /** Seam for crash tests: runs after publishing, before the rows are marked. */
  protected async afterPublish(_count: number): Promise<void> {}
}
