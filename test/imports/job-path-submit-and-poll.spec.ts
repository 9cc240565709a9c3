import { bootTestWorker } from '../support/test-worker';
import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import request from 'supertest';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureApp } from '../../apps/api/src/http/configure-app';
import { ImportFiles } from '../../libs/imports/src';
import { createTestDatabase, TestDatabase } from '../support/test-db';
import { createTenant, createUser, login, TestApi } from '../support/test-app';
import { FIXTURES } from './support/import-kit';

describe('POST /imports queues the file; the worker imports it; GET /imports/{id} shows the outcome', () => {
  const prefix = `qs-test-${randomBytes(4).toString('hex')}`;
  let db: TestDatabase;
  let app: INestApplication;
  let worker: INestApplicationContext;
  let token: string;
  let tenantId: string;
  const http = () => request(app.getHttpServer());
  // The shared helpers (createTenant, login) only need these parts of a TestApi.
  const testApi = () =>
    ({ app, db, http, commands: app.get(CommandBus), close: async () => undefined }) as TestApi;

  beforeAll(async () => {
    process.env.NODE_ENV = 'test';
    db = await createTestDatabase();
    // The API and the worker share the database and the queue prefix, as in production.
    const api = await Test.createTestingModule({
      imports: [ApiModule.forRoot({ config: db.config, queuePrefix: prefix })],
    }).compile();
    app = configureApp(api.createNestApplication({ logger: false }));
    await app.init();
    worker = await bootTestWorker(db, prefix);
    tenantId = await createTenant(testApi(), 'job-path');
    await createUser(testApi(), tenantId, 'clerk1', ['clerk']);
    token = await login(testApi(), 'job-path', 'clerk1');
  });
  afterAll(async () => {
    const storage = app?.get(ImportFiles).root;
    await worker?.close();
    await app?.close();
    await db?.drop();
    if (storage && tenantId) {
      await rm(resolve(storage, 'imports', tenantId), { recursive: true, force: true });
    }
  });

  async function poll(id: string): Promise<Record<string, unknown>> {
    for (let i = 0; i < 300; i++) {
      const { body } = await http()
        .get(`/api/v1/imports/${id}`)
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      if (!['queued', 'running'].includes(body.status)) return body;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the import did not finish in 30 s');
  }

  it('202 with an id, then succeeded with 40 rows, 40 accounts and a rows/s figure', async () => {
    const submitted = await http()
      .post('/api/v1/imports')
      .set('Authorization', `Bearer ${token}`)
      .field('kind', 'accounts')
      .field('mapping', 'student-loans')
      .attach('file', resolve(FIXTURES, 'student-loans.csv'), '生源地助学贷款.csv')
      .expect(202);
    expect(submitted.body).toEqual({ id: expect.any(String), status: 'queued', duplicate: false });
    expect(submitted.headers.location).toBe(`/api/v1/imports/${submitted.body.id}`);

    const done = await poll(submitted.body.id);
    expect(done).toMatchObject({
      status: 'succeeded',
      fileName: '生源地助学贷款.csv',
      encoding: 'utf8-bom',
      rowsTotal: 40,
      rowsOk: 40,
      rowsFailed: 0,
      counts: expect.objectContaining({ accountsCreated: 40, debtorsCreated: 40 }),
    });
    expect(done.rowsPerSecond).toEqual(expect.any(Number));
  });

  it('a second submit of the same file returns the same import and runs nothing', async () => {
    const again = await http()
      .post('/api/v1/imports')
      .set('Authorization', `Bearer ${token}`)
      .field('kind', 'accounts')
      .field('mapping', 'student-loans')
      .attach('file', resolve(FIXTURES, 'student-loans.csv'))
      .expect(202);
    expect(again.body).toMatchObject({ status: 'succeeded', duplicate: true });
    const { body } = await http()
      .get(`/api/v1/imports/${again.body.id}`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(body.attempts).toBe(1);
  });

  it('refuses a .xls file and an unknown mapping with 400 naming the field', async () => {
    const xls = await http()
      .post('/api/v1/imports')
      .set('Authorization', `Bearer ${token}`)
      .field('kind', 'accounts')
      .attach('file', Buffer.from('not a workbook'), 'ledger.xls')
      .expect(400);
    expect(xls.body.errors).toEqual([expect.objectContaining({ path: 'file' })]);
    const mapping = await http()
      .post('/api/v1/imports')
      .set('Authorization', `Bearer ${token}`)
      .field('kind', 'accounts')
      .field('mapping', 'no-such-mapping')
      .attach('file', resolve(FIXTURES, 'student-loans.csv'))
      .expect(400);
    expect(mapping.body.errors).toEqual([expect.objectContaining({ path: 'mapping' })]);
  });

  it('a collector may not import (403)', async () => {
    await createUser(testApi(), tenantId, 'caller1', ['phone-collector']);
    const caller = await login(testApi(), 'job-path', 'caller1');
    await http()
      .post('/api/v1/imports')
      .set('Authorization', `Bearer ${caller}`)
      // No file: the role check refuses before the body is read, and a streamed upload the
      // server stops reading would end in EPIPE instead of the 403 under test.
      .send({ kind: 'accounts' })
      .expect(403);
  });
});
