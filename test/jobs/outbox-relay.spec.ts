import { INestApplicationContext, Injectable } from '@nestjs/common';
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { getQueueToken } from '@nestjs/bullmq';
import { Test } from '@nestjs/testing';
import { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { EventLog, TenantTx } from '../../libs/db/src';
import { ConsumedEvents, OutboxRelay, PublishedDomainEvent, QUEUES } from '../../libs/jobs/src';
import { createTestDatabase, connect, TestDatabase } from '../support/test-db';

/** A consumer with a visible side effect, deduplicated the way every real consumer must be. */
@Injectable()
@EventsHandler(PublishedDomainEvent)
class CountingConsumer implements IEventHandler<PublishedDomainEvent> {
  static effects: string[] = [];
  static deliveries = 0;
  constructor(private readonly consumed: ConsumedEvents) {}

  async handle({ event }: PublishedDomainEvent): Promise<void> {
    CountingConsumer.deliveries += 1;
    await this.consumed.once(event.tenantId, 'counting-consumer', event.eventId, async () => {
      CountingConsumer.effects.push(event.eventId);
    });
  }
}

class RelayThatDiesAfterPublishing extends OutboxRelay {
  protected override async afterPublish(): Promise<void> {
    throw new Error('simulated SIGKILL between publish and marking the rows');
  }
}

async function until(check: () => boolean | Promise<boolean>, ms = 15000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('outbox: events reach consumers after commit, at least once, seen once', () => {
  let db: TestDatabase;
  let worker: INestApplicationContext;
  let tenantId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    worker = await Test.createTestingModule({
      imports: [
        WorkerModule.forRoot({
          config: db.config,
          queuePrefix: `qs-test-${randomBytes(4).toString('hex')}`,
          startRelay: false,
          extraProviders: [CountingConsumer],
        }),
      ],
    }).compile();
    await worker.init();
    const owner = await connect(db.ownerUrl);
    tenantId = '22222222-2222-4222-8222-222222222222';
    await owner.query(
      `insert into tenants (id, slug, name, kind) values ($1, 'relay-co', 'r', 'agency')`,
      [tenantId],
    );
    await owner.end();
  });
  afterAll(async () => {
    await worker.close();
    await db.drop();
  });

  async function commitEvent(id: string): Promise<string> {
    const [stored] = await worker.get(TenantTx).run(tenantId, (em) =>
      worker
        .get(EventLog)
        .append(em, { tenantId, actorId: 't', correlationId: id, occurredAt: new Date() }, [
          {
            type: 'CaseAssigned',
            aggregateType: 'case',
            aggregateId: id,
            payload: { to: 'u1' },
            publish: [QUEUES.domainEvents],
          },
        ]),
    );
    return stored.id;
  }

  async function pending(): Promise<number> {
    return worker.get(TenantTx).run(tenantId, async (em) => {
      const [row] = await em.execute<{ n: number }[]>(
        `select count(*)::int as n from outbox where published_at is null`,
      );
      return row.n;
    });
  }

  it('an event committed while no relay runs is delivered once the relay starts', async () => {
    const eventId = await commitEvent('case-1');
    expect(await pending()).toBe(1);
    await worker.get(OutboxRelay).drainAll();
    await until(() => CountingConsumer.effects.includes(eventId));
    expect(await pending()).toBe(0);
    expect(CountingConsumer.effects.filter((e) => e === eventId)).toHaveLength(1);
  });

  it('a relay killed after publishing but before marking republishes on restart; the consumer sees it once', async () => {
    const eventId = await commitEvent('case-2');
    const relay = worker.get(OutboxRelay);
    const dying = new RelayThatDiesAfterPublishing(
      worker.get(TenantTx),
      worker.get<Queue>(getQueueToken(QUEUES.domainEvents)),
    );
    await expect(dying.drainAll()).rejects.toThrow(/simulated SIGKILL/);
    expect(await pending()).toBe(1);
    // Restart: the row is still pending and is published again.
    await relay.drainAll();
    expect(await pending()).toBe(0);
    await until(() => CountingConsumer.effects.includes(eventId));
    await new Promise((r) => setTimeout(r, 500));
    expect(CountingConsumer.effects.filter((e) => e === eventId)).toHaveLength(1);
  });

  it('a duplicate delivery of the same event is dropped by the consumer record', async () => {
    const eventId = CountingConsumer.effects[0];
    const before = CountingConsumer.effects.length;
    const consumer = worker.get(CountingConsumer);
    await consumer.handle(
      new PublishedDomainEvent({
        eventId,
        tenantId,
        seq: 1,
        type: 'CaseAssigned',
        aggregateType: 'case',
        aggregateId: 'case-1',
        actorId: 't',
        correlationId: 'dup',
        occurredAt: new Date().toISOString(),
        payload: {},
      }),
    );
    expect(CountingConsumer.effects.length).toBe(before);
  });
});
