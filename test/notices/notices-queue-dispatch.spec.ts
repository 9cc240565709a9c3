import type { INestApplicationContext } from '@nestjs/common';
import { bootTestWorker } from '../support/test-worker';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue, QueueEvents } from 'bullmq';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QUEUES, redisConnectionOptions } from '../../libs/jobs/src';
import { connect, createTestDatabase, TestDatabase } from '../support/test-db';
import { filesUnder } from './support/dispatch-harness';

describe('the worker delivers notices from the "notices" queue (issue 6)', () => {
  let db: TestDatabase;
  let worker: INestApplicationContext;
  let events: QueueEvents;
  let outboxDir: string;
  const tenantId = randomUUID();
  const prefix = `qs-test-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    db = await createTestDatabase();
    outboxDir = await mkdtemp(join(tmpdir(), 'qs-outbox-'));
    db.config.NOTICE_OUTBOX_DIR = outboxDir;
    worker = await bootTestWorker(db, prefix);
    events = new QueueEvents(QUEUES.notices, {
      connection: redisConnectionOptions(db.config.REDIS_URL),
      prefix,
    });
    await events.waitUntilReady();
    // A drafted SMS notice, as IssueNotice stores it.
    const owner = await connect(db.ownerUrl);
    try {
      const debtorId = randomUUID();
      await owner.query(
        `insert into tenants (id, slug, name, kind) values ($1, 'queue-co', '队列测试', 'agency')`,
        [tenantId],
      );
      await owner.query(
        `insert into debtors (tenant_id, id, kind, name, id_number, phones, created_at, created_by)
         values ($1, $2, 'person', '孙桂英', '11010519670523465X', '{13812345678}', now(), 't')`,
        [tenantId, debtorId],
      );
      await owner.query(
        `insert into notices (tenant_id, id, debtor_id, template_id, pack_version, template_hash,
           channel, title, rendered_html, data, idempotency_key, issued_by, created_at, updated_at)
         values ($1, $2, $3, 'p/sms', '1.0.0', repeat('a', 64), 'sms', '逾期短信提醒',
           '【队列测试】孙桂英您好，请尽快还款。', '{"notice": {"issuedOn": "2026-11-30"}}', 'k1', 't',
           now(), now())`,
        [tenantId, randomUUID(), debtorId],
      );
    } finally {
      await owner.end();
    }
  });
  afterAll(async () => {
    await events.close();
    await worker.close();
    await db.drop();
    await rm(outboxDir, { recursive: true, force: true });
  });

  it('a job for the tenant sends the SMS to the debtor’s phone through the sink; a second job sends nothing', async () => {
    const queue = worker.get<Queue>(getQueueToken(QUEUES.notices));
    const first = await queue.add('dispatch', {
      tenantId,
      correlationId: 'nightly-1',
      asOf: '2026-11-30',
    });
    expect(await first.waitUntilFinished(events, 15_000)).toMatchObject({
      planned: 1,
      sent: 1,
      retrying: 0,
    });
    const files = await filesUnder(outboxDir);
    expect(files).toEqual([
      expect.stringMatching(new RegExp(`^${tenantId}/sms/[0-9a-f]{64}\\.txt$`)),
    ]);

    const second = await queue.add('dispatch', { tenantId, correlationId: 'nightly-2' });
    expect(await second.waitUntilFinished(events, 15_000)).toMatchObject({ planned: 0, sent: 0 });
    expect(await filesUnder(outboxDir)).toEqual(files);
  });
});
