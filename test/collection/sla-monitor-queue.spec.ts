import type { INestApplicationContext } from '@nestjs/common';
import { bootTestWorker } from '../support/test-worker';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue, QueueEvents } from 'bullmq';
import { randomBytes, randomUUID } from 'node:crypto';
import { QUEUES, redisConnectionOptions } from '../../libs/jobs/src';
import { connect, createTestDatabase, TestDatabase } from '../support/test-db';

describe('the worker runs the SLA monitor per tenant from the "sla-monitor" queue (issue 6)', () => {
  let db: TestDatabase;
  let worker: INestApplicationContext;
  let events: QueueEvents;
  const tenantId = randomUUID();
  const taskId = randomUUID();
  const prefix = `qs-test-${randomBytes(4).toString('hex')}`;

  const ownerQuery = async (sql: string, params: unknown[] = []) => {
    const owner = await connect(db.ownerUrl);
    try {
      return (await owner.query(sql, params)).rows;
    } finally {
      await owner.end();
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    // A call task whose SLA ran out an hour ago (the worker's clock is the system clock).
    const debtorId = randomUUID();
    const caseId = randomUUID();
    await ownerQuery(
      `insert into tenants (id, slug, name, kind) values ($1, 'sla-queue', 'SLA', 'agency')`,
      [tenantId],
    );
    await ownerQuery(
      `insert into debtors (tenant_id, id, kind, name, id_number, created_at, created_by)
       values ($1, $2, 'person', '蒋一', '11010519670523465X', now(), 't')`,
      [tenantId, debtorId],
    );
    await ownerQuery(
      `insert into cases (tenant_id, id, debtor_id, scope, status, opened_on, created_at, updated_at)
       values ($1, $2, $3, 'debtor', 'open', current_date, now(), now())`,
      [tenantId, caseId, debtorId],
    );
    await ownerQuery(
      `insert into tasks (tenant_id, id, case_id, kind, due_at, sla_due_at, status,
         idempotency_key, created_by, created_at)
       values ($1, $2, $3, 'call', now() - interval '3 hours', now() - interval '1 hour', 'open',
         'k1', 't', now() - interval '3 hours')`,
      [tenantId, taskId, caseId],
    );
    worker = await bootTestWorker(db, prefix);
    events = new QueueEvents(QUEUES.slaMonitor, {
      connection: redisConnectionOptions(db.config.REDIS_URL),
      prefix,
    });
    await events.waitUntilReady();
  });
  afterAll(async () => {
    await events.close();
    await worker.close();
    await db.drop();
  });

  it('registers the quarter-hourly fan-out; a fan-out enqueues the tenant, whose pass raises one alert', async () => {
    const queue = worker.get<Queue>(getQueueToken(QUEUES.slaMonitor));
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers).toEqual([
      expect.objectContaining({ key: 'sla-monitor', pattern: '*/15 * * * *' }),
    ]);

    const fanOut = await queue.add('fan-out', { kind: 'fan-out', correlationId: 'test-fan-out' });
    expect(await fanOut.waitUntilFinished(events, 15_000)).toEqual({ tenants: 1 });
    let alerts: { task_id: string }[] = [];
    for (let i = 0; i < 50 && alerts.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 200));
      alerts = await ownerQuery(`select task_id from alerts where tenant_id = $1`, [tenantId]);
    }
    expect(alerts).toEqual([{ task_id: taskId }]);
  });
});
