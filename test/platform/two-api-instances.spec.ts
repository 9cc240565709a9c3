import { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureApp } from '../../apps/api/src/http/configure-app';
import { Clock, FixedClock } from '../../libs/calendar/src';
import { createTenant, createUser, TEST_PASSWORD, type TestApi } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

const CSRF = 'c'.repeat(32);

/**
 * Issue 15 §3: the API holds no state of its own — sessions and login throttles live in
 * Redis, everything else in PostgreSQL — so two instances behind a balancer answer as one.
 * Two API apps listen on two ports over one database, one Redis and one key prefix; business
 * time is one FixedClock (the throttle's), never a sleep.
 */
describe('two API instances over one database and Redis behave as one', () => {
  let db: TestDatabase;
  const apps: INestApplication[] = [];
  let a: () => ReturnType<typeof request>;
  let b: () => ReturnType<typeof request>;
  const clock = new FixedClock('2026-12-08T01:00:00Z');

  async function instance(prefix: string): Promise<() => ReturnType<typeof request>> {
    const moduleRef = await Test.createTestingModule({
      imports: [ApiModule.forRoot({ config: db.config, queuePrefix: prefix })],
    })
      .overrideProvider(Clock)
      .useValue(clock)
      .compile();
    const app = configureApp(moduleRef.createNestApplication({ logger: false }));
    await app.listen(0, '127.0.0.1');
    apps.push(app);
    const { port } = app.getHttpServer().address() as AddressInfo;
    return () => request(`http://127.0.0.1:${port}`);
  }

  beforeAll(async () => {
    process.env.NODE_ENV = 'test';
    db = await createTestDatabase();
    const prefix = `qs-test-${randomBytes(4).toString('hex')}`;
    a = await instance(prefix);
    b = await instance(prefix);
    const setup = { app: apps[0], db, commands: apps[0].get(CommandBus) } as unknown as TestApi;
    const tenantId = await createTenant(setup, 'two-api', 'microloan');
    for (const name of ['wang', 'li', 'zhao', 'sun']) {
      await createUser(setup, tenantId, name, ['phone-collector']);
    }
  }, 120_000);
  afterAll(async () => {
    for (const app of apps) await app.close();
    await db?.drop();
  });

  const apiLogin = (http: () => ReturnType<typeof request>, username: string, password: string) =>
    http().post('/api/v1/auth/login').send({ tenant: 'two-api', username, password });
  const work = (http: () => ReturnType<typeof request>, token: string) =>
    http().get('/console/work').set('Cookie', `qs_session=${token}`);

  it('a console login on A: its cookie opens the worklist on B', async () => {
    const form = await a().get('/console/login').expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
    const jar = String(form.headers['set-cookie']).split(';')[0];
    const loggedIn = await a()
      .post('/console/login')
      .set('Cookie', jar)
      .type('form')
      .send({ _csrf: csrf, tenant: 'two-api', username: 'wang', password: TEST_PASSWORD });
    expect(loggedIn.status).toBe(303);
    const session = /qs_session=([^;]+)/.exec(String(loggedIn.headers['set-cookie']))![1];
    expect((await work(b, session)).status).toBe(200);
    expect((await work(a, session)).status).toBe(200);
  });

  it('wrong passwords spread over A and B are throttled at the same count as on one instance', async () => {
    const statuses = async (targets: (() => ReturnType<typeof request>)[], username: string) => {
      const out: number[] = [];
      for (let i = 0; i < 6; i += 1) {
        out.push((await apiLogin(targets[i % targets.length], username, `wrong-${i}-x`)).status);
      }
      return out;
    };
    const onOne = await statuses([a], 'li');
    const spread = await statuses([a, b], 'zhao');
    // Three free guesses, then the account waits (429) whichever instance is asked.
    expect(onOne).toEqual([401, 401, 401, 429, 429, 429]);
    expect(spread).toEqual(onOne);
    // The wait set through A holds on B too, and the owner gets in once it passed.
    expect((await apiLogin(b, 'zhao', TEST_PASSWORD)).status).toBe(429);
    clock.advance(1000);
    expect((await apiLogin(b, 'zhao', TEST_PASSWORD)).status).toBe(200);
  });

  it('a logout on B ends the session on A, for the API and the console', async () => {
    const token = (await apiLogin(a, 'sun', TEST_PASSWORD).expect(200)).body.accessToken as string;
    const me = (http: () => ReturnType<typeof request>) =>
      http().get('/api/v1/me').set('Authorization', `Bearer ${token}`);
    expect((await me(a)).status).toBe(200);
    await b()
      .post('/console/logout')
      .set('Cookie', `qs_session=${token}; qs_csrf=${CSRF}`)
      .set('X-CSRF-Token', CSRF)
      .expect(303);
    expect((await me(a)).status).toBe(401);
    expect((await me(b)).status).toBe(401);
    expect((await work(a, token)).status).toBe(303);
  });
});
