import { bootTestWorker } from '../support/test-worker';
import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { Queue, QueueEvents } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { QUEUES, redisConnectionOptions } from '../../libs/jobs/src';
import { createTestDatabase, TestDatabase } from '../support/test-db';

describe('the worker boots and processes the system queue on the real Redis', () => {
  let db: TestDatabase;
  let worker: INestApplicationContext;
  let events: QueueEvents;
  const prefix = `qs-test-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    db = await createTestDatabase();
    worker = await bootTestWorker(db, prefix);
    events = new QueueEvents(QUEUES.system, {
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

  it('a heartbeat job completes with the correlation id it was given', async () => {
    const queue = worker.get<Queue>(getQueueToken(QUEUES.system));
    const job = await queue.add('heartbeat', { kind: 'heartbeat', correlationId: 'hb-1' });
    const result = await job.waitUntilFinished(events, 10000);
    expect(result).toEqual({ ok: true, correlationId: 'hb-1', pid: process.pid });
  });

  it('a job with invalid data fails with the path of the bad field, not a crash', async () => {
    const queue = worker.get<Queue>(getQueueToken(QUEUES.system));
    const job = await queue.add(
      'bad',
      { kind: 'format-disk', correlationId: 'x', extra: 1 },
      { attempts: 1 },
    );
    await expect(job.waitUntilFinished(events, 10000)).rejects.toThrow(
      /Job data for queue "system" is invalid/,
    );
    const failed = await queue.getJob(job.id!);
    expect(failed?.failedReason).toBe('Job data for queue "system" is invalid');
  });
});
