import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureApp } from '../../apps/api/src/http/configure-app';
import { loadAppConfig } from '../../libs/core/src';
import { ensureDatabase, migrate } from '../../libs/db/src';
import { ADMIN_URL, runPrefix, templateDb, urlFor } from '../support/test-db-names';

describe('migrations apply to an empty database and the app boots against it', () => {
  const name = `${runPrefix(templateDb())}_empty_${randomBytes(3).toString('hex')}`;

  afterAll(async () => {
    const admin = new Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  });

  it('creates the missing database, applies every migration once, and serves /health', async () => {
    const url = urlFor(name);
    const applied = await migrate(url);
    expect(applied[0]).toBe('Migration20261128000001Platform');
    expect(await migrate(url)).toEqual([]);
    expect(await ensureDatabase(url)).toBe(false);

    const config = loadAppConfig({
      DATABASE_URL: url,
      JWT_SECRET: 'empty-db-test-secret-empty-db-test-secret-0',
      REDIS_KEY_PREFIX: `${name}:`,
    });
    const moduleRef = await Test.createTestingModule({
      imports: [ApiModule.forRoot({ config })],
    }).compile();
    const app = configureApp(moduleRef.createNestApplication({ logger: false }));
    await app.init();
    try {
      const health = await request(app.getHttpServer()).get('/health').expect(200);
      expect(health.body.status).toBe('ok');
    } finally {
      await app.close();
    }
  });
});
