import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { WorkerModule } from '../../../apps/worker/src/worker.module';
import { Clock } from '../../../libs/calendar/src';
import type { PublishedEvent } from '../../../libs/db/src';
import { OutboxRelay, PublishedDomainEvent } from '../../../libs/jobs/src';
import { NoticeTemplateSource } from '../../../libs/notices/src';
import {
  GATES_CONSUMER,
  GateDecision,
  NoticeGatesConsumer,
  PackRulesConsumer,
  PackSnapshotTemplateSource,
  RULES_CONSUMER,
  RulesFired,
} from '../../../libs/engine/src';
import type { CollectionTestApi } from '../../collection/support/collection-api';
import { ownerQuery } from '../../collection/support/fixtures';

/** The worker process on the API's database and clock: relay, domain-events, pack rules. */
export interface EngineWorker {
  readonly app: INestApplicationContext;
  /** Unrelayed events of the tenant, oldest first (marked published, as a relay would). */
  take(tenantId: string, types?: readonly string[]): Promise<PublishedEvent[]>;
  /** Hands one event to the rules and the notice gates, as the domain-events queue does. */
  deliver(event: PublishedEvent): Promise<{ rules: RulesFired | null; gates: GateDecision | null }>;
  /** The real path: relay → BullMQ → DomainEventsProcessor → EventBus → consumers. */
  relayAndWait(tenantId: string): Promise<void>;
  close(): Promise<void>;
}

class TemplateForwarder extends NoticeTemplateSource {
  target?: NoticeTemplateSource;
  find(tenantId: string, id: string) {
    return (this.target as NoticeTemplateSource).find(tenantId, id);
  }
}

export async function startEngineWorker(api: CollectionTestApi): Promise<EngineWorker> {
  const templates = new TemplateForwarder();
  const moduleRef = await Test.createTestingModule({
    imports: [
      WorkerModule.forRoot({
        config: api.db.config,
        queuePrefix: `qs-test-${randomBytes(4).toString('hex')}`,
        startRelay: false,
      }),
    ],
  })
    .overrideProvider(Clock)
    .useValue(api.clock)
    .overrideProvider(NoticeTemplateSource)
    .useValue(templates)
    .compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  templates.target = app.get(PackSnapshotTemplateSource, { strict: false });
  const rules = app.get(PackRulesConsumer, { strict: false });
  const gates = app.get(NoticeGatesConsumer, { strict: false });
  return {
    app,
    async take(tenantId, types) {
      const rows = await ownerQuery<{ id: string; payload: PublishedEvent }>(
        api,
        `update outbox set published_at = now() where tenant_id = $1 and published_at is null
           and ($2::text[] is null or payload->>'type' = any($2::text[]))
         returning id, payload`,
        [tenantId, types ?? null],
      );
      return rows.map((r) => r.payload).sort((a, b) => a.seq - b.seq);
    },
    async deliver(event) {
      const published = new PublishedDomainEvent(event);
      return { rules: await rules.handle(published), gates: await gates.handle(published) };
    },
    async relayAndWait(tenantId) {
      const pending = await ownerQuery<{ event_id: string }>(
        api,
        `select event_id from outbox where tenant_id = $1 and published_at is null`,
        [tenantId],
      );
      await app.get(OutboxRelay).drainAll();
      const ids = pending.map((p) => p.event_id);
      const end = Date.now() + 15_000;
      for (;;) {
        const [row] = await ownerQuery<{ n: number }>(
          api,
          `select count(distinct event_id)::int as n from consumed_events
           where tenant_id = $1 and consumer = any($2::text[]) and event_id = any($3::uuid[])`,
          [tenantId, [RULES_CONSUMER, GATES_CONSUMER], ids],
        );
        if (row.n >= ids.length) return;
        if (Date.now() > end)
          throw new Error(`relayed events not consumed: ${row.n}/${ids.length}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => app.close(),
  };
}
