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
import { createTenant, createUser, login, TestApi } from '../support/test-app';
import { connect, createTestDatabase, TestDatabase } from '../support/test-db';
import { bootTestWorker } from '../support/test-worker';
import { FIXTURES } from './support/import-kit';

/**
 * Issue 14, imports: the duplicate check keys on content + kind + mapping + format + encoding,
 * so the same GBK bytes sent first as UTF-8 (which fails) and again as GBK are two imports;
 * the same file with the same settings is still one; an empty file is refused by name.
 */
describe('POST /imports keys a submit by file, mapping, format and encoding', () => {
  const prefix = `qs-test-${randomBytes(4).toString('hex')}`;
  const gbkFile = resolve(FIXTURES, 'card-agency-cases.gbk.csv');
  let db: TestDatabase;
  let app: INestApplication;
  let worker: INestApplicationContext;
  let token: string;
  let tenantId: string;
  const http = () => request(app.getHttpServer());
  const testApi = () =>
    ({ app, db, http, commands: app.get(CommandBus), close: async () => undefined }) as TestApi;

  beforeAll(async () => {
    process.env.NODE_ENV = 'test';
    db = await createTestDatabase();
    const api = await Test.createTestingModule({
      imports: [ApiModule.forRoot({ config: db.config, queuePrefix: prefix })],
    }).compile();
    app = configureApp(api.createNestApplication({ logger: false }));
    await app.init();
    worker = await bootTestWorker(db, prefix);
    tenantId = await createTenant(testApi(), 'import-key');
    await createUser(testApi(), tenantId, 'clerk1', ['clerk']);
    token = await login(testApi(), 'import-key', 'clerk1');
  }, 180_000);
  afterAll(async () => {
    const storage = app?.get(ImportFiles).root;
    await worker?.close();
    await app?.close();
    await db?.drop();
    if (storage && tenantId) {
      await rm(resolve(storage, 'imports', tenantId), { recursive: true, force: true });
    }
  });

  const submit = (file: string | Buffer, fileName: string, fields: Record<string, string>) => {
    let req = http().post('/api/v1/imports').set('Authorization', `Bearer ${token}`);
    for (const [name, value] of Object.entries(fields)) req = req.field(name, value);
    return req.attach('file', file, fileName);
  };

  async function poll(id: string): Promise<Record<string, unknown>> {
    for (let i = 0; i < 600; i++) {
      const { body } = await http()
        .get(`/api/v1/imports/${id}`)
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      if (!['queued', 'running'].includes(body.status)) return body;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`import ${id} did not finish in 60 s`);
  }

  async function importCount(): Promise<number> {
    const owner = await connect(db.ownerUrl);
    try {
      const { rows } = await owner.query<{ n: number }>(
        `select count(*)::int as n from imports where tenant_id = $1`,
        [tenantId],
      );
      return rows[0].n;
    } finally {
      await owner.end();
    }
  }

  it('GBK sent as utf8 fails; the same bytes with encoding=gbk are a new import of 30 cases', async () => {
    const asUtf8 = await submit(gbkFile, 'cases.csv', { kind: 'cases', encoding: 'utf8' }).expect(
      202,
    );
    expect(asUtf8.body).toMatchObject({ duplicate: false });
    const failed = await poll(asUtf8.body.id);
    expect(failed).toMatchObject({ status: 'failed', encoding: 'utf8', rowsOk: 0 });

    const asGbk = await submit(gbkFile, 'cases.csv', { kind: 'cases', encoding: 'gbk' }).expect(
      202,
    );
    expect(asGbk.body).toMatchObject({ status: 'queued', duplicate: false });
    expect(asGbk.body.id).not.toBe(asUtf8.body.id);
    const done = await poll(asGbk.body.id);
    expect(done).toMatchObject({
      status: 'succeeded',
      encoding: 'gb18030',
      rowsTotal: 30,
      rowsOk: 30,
      rowsFailed: 0,
      counts: expect.objectContaining({ casesOpened: 30 }),
    });
  }, 120_000);

  it('the same file with the same settings again is the same import (gb18030 names the gbk decoder)', async () => {
    const before = await importCount();
    const again = await submit(gbkFile, 'cases.csv', { kind: 'cases', encoding: 'gbk' }).expect(
      202,
    );
    const alias = await submit(gbkFile, 'cases.csv', { kind: 'cases', encoding: 'gb18030' }).expect(
      202,
    );
    expect(again.body).toMatchObject({ status: 'succeeded', duplicate: true });
    expect(alias.body).toEqual(again.body);
    expect(await importCount()).toBe(before);
    expect(before).toBe(2);
  });

  it('a 0-byte .xlsx (and a 0-byte .csv) is refused with 400 naming the file; no import recorded', async () => {
    const before = await importCount();
    const xlsx = await submit(Buffer.alloc(0), '空台账.xlsx', { kind: 'accounts' }).expect(400);
    expect(xlsx.body.errors).toEqual([
      { path: 'file', reason: '"空台账.xlsx" is an empty file (0 bytes)' },
    ]);
    const csv = await submit(Buffer.alloc(0), 'empty.csv', { kind: 'accounts' }).expect(400);
    expect(csv.body.errors).toEqual([
      { path: 'file', reason: '"empty.csv" is an empty file (0 bytes)' },
    ]);
    expect(await importCount()).toBe(before);
  });
});
