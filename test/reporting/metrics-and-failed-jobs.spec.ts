import { getQueueToken } from '@nestjs/bullmq';
import { CommandBus } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { Queue, QueueEvents, Worker } from 'bullmq';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureApp } from '../../apps/api/src/http/configure-app';
import { PLATFORM_TENANT_ID } from '../../libs/db/src';
import { JobDurations, QUEUES } from '../../libs/jobs/src';
import { createTenant, createUser, login, type TestApi } from '../support/test-app';
import { createTestDatabase } from '../support/test-db';

/**
 * Issue 6 Operations: queue depth, job durations and run durations at /metrics (Prometheus,
 * bearer METRICS_TOKEN), failed jobs with their error by API for platform admins.
 */
describe('/metrics shows queue depth; failed jobs are listed with their error', () => {
  const TOKEN = 'metrics-token-0123456789';
  let api: TestApi;
  let prefix: string;
  let queue: Queue;
  let rootToken: string;
  let collectorToken: string;

  beforeAll(async () => {
    process.env.NODE_ENV = 'test';
    const db = await createTestDatabase();
    db.config.METRICS_TOKEN = TOKEN;
    prefix = `qs-test-${randomBytes(4).toString('hex')}`;
    const moduleRef = await Test.createTestingModule({
      imports: [ApiModule.forRoot({ config: db.config, queuePrefix: prefix })],
    }).compile();
    const app = configureApp(moduleRef.createNestApplication({ logger: false }));
    await app.init();
    api = {
      app,
      db,
      http: () => request(app.getHttpServer()),
      commands: app.get(CommandBus),
      async close() {
        await app.close();
        await db.drop();
      },
    };
    queue = app.get<Queue>(getQueueToken(QUEUES.system));
    await createUser(api, PLATFORM_TENANT_ID, 'root', ['platform-admin']);
    rootToken = await login(api, 'platform', 'root');
    const tenantId = await createTenant(api, 'ops-metrics');
    await createUser(api, tenantId, 'caller', ['phone-collector']);
    collectorToken = await login(api, 'ops-metrics', 'caller');
  }, 180_000);
  afterAll(async () => {
    await queue.obliterate({ force: true }).catch(() => undefined);
    await api.close();
  });

  it('without the bearer token /metrics is 401', async () => {
    await api.http().get('/metrics').expect(401);
    await api.http().get('/metrics').set('Authorization', 'Bearer wrong').expect(401);
  });

  it('a job added to the system queue shows as qingshou_queue_jobs{queue="system",state="waiting"} 1', async () => {
    await queue.add('heartbeat', { correlationId: 'metrics-test' }, { jobId: 'metrics-waiting' });
    await api.app.get(JobDurations).observe(QUEUES.system, 'completed', 0.3);
    const response = await api
      .http()
      .get('/metrics')
      .set('Authorization', `Bearer ${TOKEN}`)
      .expect(200);
    expect(response.headers['content-type']).toContain('text/plain');
    expect(response.text).toContain('qingshou_queue_jobs{queue="system",state="waiting"} 1');
    expect(response.text).toContain('qingshou_queue_jobs{queue="imports",state="failed"} 0');
    expect(response.text).toContain(
      'qingshou_job_duration_seconds_bucket{queue="system",outcome="completed",le="0.5"} 1',
    );
    expect(response.text).toContain(
      'qingshou_job_duration_seconds_bucket{queue="system",outcome="completed",le="0.25"} 0',
    );
    expect(response.text).toContain('# TYPE qingshou_run_duration_seconds summary');
    // The request just made to /api/v1/... is timed by route pattern.
    expect(response.text).toMatch(
      /qingshou_http_request_duration_seconds_count\{method="POST",route="\/api\/v1\/auth\/login",status="200"\} \d/,
    );
  });

  it('GET /api/v1/admin/jobs/failed?queue=system lists the failed job with its error (platform admin only)', async () => {
    const connection = { url: api.db.config.REDIS_URL, maxRetriesPerRequest: null };
    const events = new QueueEvents(QUEUES.system, { connection, prefix });
    await events.waitUntilReady();
    const failed = new Promise<void>((resolve) => events.on('failed', () => resolve()));
    const worker = new Worker(
      QUEUES.system,
      async () => {
        throw new Error('数据库连接失败: connection refused');
      },
      { connection, prefix },
    );
    try {
      await queue.add(
        'heartbeat',
        { correlationId: 'corr-fail' },
        { jobId: 'metrics-fail', attempts: 1 },
      );
      await failed;
    } finally {
      await worker.close();
      await events.close();
    }
    await api
      .http()
      .get('/api/v1/admin/jobs/failed?queue=system')
      .set('Authorization', `Bearer ${collectorToken}`)
      .expect(403);
    const response = await api
      .http()
      .get('/api/v1/admin/jobs/failed?queue=system')
      .set('Authorization', `Bearer ${rootToken}`)
      .expect(200);
    expect(response.body.jobs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          queue: 'system',
          name: 'heartbeat',
          error: '数据库连接失败: connection refused',
          attemptsMade: 1,
        }),
      ]),
    );
    const metrics = await api.http().get('/metrics').set('Authorization', `Bearer ${TOKEN}`);
    expect(metrics.text).toMatch(/qingshou_queue_jobs\{queue="system",state="failed"\} [12]/);
  });
});
