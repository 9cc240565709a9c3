import { CommandBus } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureApp } from '../../apps/api/src/http/configure-app';
import { FixedClock } from '../../libs/calendar/src';
import { RenewSession, SessionClock } from '../../libs/tenancy/src';
import { createTenant, createUser, login, TEST_PASSWORD, type TestApi } from '../support/test-app';
import { createTestDatabase } from '../support/test-db';

const MINUTE = 60_000;
const CSRF = 'c'.repeat(32);

/**
 * Issue 14, revocable sessions: a token is good only while its server-side session lives.
 * Session time is the SessionClock, pinned here and moved by hand (no sleeping).
 */
describe('revocable sessions: logout, disable, password change, sign out everywhere, idle, absolute', () => {
  let api: TestApi;
  let clock: FixedClock;
  let tenantId: string;
  let admin: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    process.env.NODE_ENV = 'test';
    const db = await createTestDatabase();
    clock = new FixedClock('2026-12-07T08:00:00Z');
    const moduleRef = await Test.createTestingModule({
      imports: [
        ApiModule.forRoot({
          config: db.config,
          queuePrefix: `qs-test-${randomBytes(4).toString('hex')}`,
        }),
      ],
    })
      .overrideProvider(SessionClock)
      .useValue(clock)
      .compile();
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
    tenantId = await createTenant(api, 'sess', 'microloan');
    ids.admin = await createUser(api, tenantId, 'boss', ['tenant-admin']);
    for (const name of ['leaver', 'changer', 'lost', 'idler', 'worker', 'quitter']) {
      ids[name] = await createUser(api, tenantId, name, ['phone-collector']);
    }
    admin = await login(api, 'sess', 'boss');
  }, 120_000);
  afterAll(() => api?.close());

  const me = (token: string) =>
    api
      .http()
      .get('/api/v1/me')
      .set('Authorization', `Bearer ${token}`)
      .then((r) => r.status);
  const consolePage = (token: string) =>
    api.http().get('/console/work').set('Cookie', `qs_session=${token}`);

  it('logout on the API: the same token is 401 on the API and the console sends it to login', async () => {
    const token = await login(api, 'sess', 'leaver');
    expect(await me(token)).toBe(200);
    expect((await consolePage(token)).status).toBe(200);
    await api
      .http()
      .post('/api/v1/auth/logout')
      .set('Authorization', `Bearer ${token}`)
      .expect(204);
    expect(await me(token)).toBe(401);
    const page = await consolePage(token);
    expect([page.status, page.headers.location]).toEqual([
      303,
      expect.stringMatching(/^\/console\/login/),
    ]);
  });

  it('logout on the console: the cookie’s token is 401 on the API too', async () => {
    const token = await login(api, 'sess', 'quitter');
    await api
      .http()
      .post('/console/logout')
      .set('Cookie', `qs_session=${token}; qs_csrf=${CSRF}`)
      .set('X-CSRF-Token', CSRF)
      .expect(303);
    expect(await me(token)).toBe(401);
    expect((await consolePage(token)).status).toBe(303);
  });

  it('disabling a user: his live token is 401 at once, and he cannot log in again', async () => {
    const token = await login(api, 'sess', 'leaver');
    expect(await me(token)).toBe(200);
    await api
      .http()
      .post(`/api/v1/users/${ids.leaver}/disable`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(204);
    expect(await me(token)).toBe(401);
    await api
      .http()
      .post('/api/v1/auth/login')
      .send({ tenant: 'sess', username: 'leaver', password: TEST_PASSWORD })
      .expect(401);
  });

  it('password change: every old token is 401, the answer’s new token works, the new password logs in', async () => {
    const [first, second] = [
      await login(api, 'sess', 'changer'),
      await login(api, 'sess', 'changer'),
    ];
    const weak = await api
      .http()
      .post('/api/v1/me/password')
      .set('Authorization', `Bearer ${first}`)
      .send({ currentPassword: TEST_PASSWORD, newPassword: '1234567890' });
    expect([weak.status, weak.body.errors?.[0]?.path]).toEqual([400, 'newPassword']);
    expect(await me(first)).toBe(200); // a refused change revokes nothing
    const wrong = await api
      .http()
      .post('/api/v1/me/password')
      .set('Authorization', `Bearer ${first}`)
      .send({ currentPassword: 'not-my-password', newPassword: 'Ferns-and-Granite-Window-42' });
    expect([wrong.status, wrong.body.errors?.[0]?.path]).toEqual([400, 'currentPassword']);
    const changed = await api
      .http()
      .post('/api/v1/me/password')
      .set('Authorization', `Bearer ${first}`)
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'Ferns-and-Granite-Window-42' })
      .expect(200);
    expect([await me(first), await me(second)]).toEqual([401, 401]);
    expect(await me(changed.body.accessToken as string)).toBe(200);
    await api
      .http()
      .post('/api/v1/auth/login')
      .send({ tenant: 'sess', username: 'changer', password: 'Ferns-and-Granite-Window-42' })
      .expect(200);
  });

  it('sign out everywhere (API and the users page button): all of that user’s tokens are 401, others keep theirs', async () => {
    const tokens = [await login(api, 'sess', 'lost'), await login(api, 'sess', 'lost')];
    const bystander = await login(api, 'sess', 'worker');
    const ended = await api
      .http()
      .post(`/api/v1/users/${ids.lost}/sign-out-everywhere`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(ended.body).toEqual({ sessionsEnded: 2 });
    expect(await Promise.all(tokens.map(me))).toEqual([401, 401]);
    expect([await me(bystander), await me(admin)]).toEqual([200, 200]);

    const again = await login(api, 'sess', 'lost');
    const usersPage = await api
      .http()
      .get('/console/admin/users')
      .set('Cookie', `qs_session=${admin}; qs_csrf=${CSRF}`)
      .expect(200);
    expect(usersPage.text).toContain(`/console/admin/users/${ids.lost}/sign-out`);
    expect(usersPage.text).toContain('全部下线');
    const pressed = await api
      .http()
      .post(`/console/admin/users/${ids.lost}/sign-out`)
      .set('Cookie', `qs_session=${admin}; qs_csrf=${CSRF}`)
      .type('form')
      .send({ _csrf: CSRF });
    expect([pressed.status, pressed.headers.location]).toEqual([303, '/console/admin/users']);
    expect(await me(again)).toBe(401);
    expect(await me(bystander)).toBe(200);
  });

  it('idle: each request restarts the 30 minutes; a token unused for more than 30 minutes is 401', async () => {
    const token = await login(api, 'sess', 'idler');
    clock.advance(29 * MINUTE);
    expect(await me(token)).toBe(200);
    clock.advance(30 * MINUTE); // exactly the timeout since the last use: still live
    expect(await me(token)).toBe(200);
    clock.advance(30 * MINUTE + 1000);
    expect(await me(token)).toBe(401);
    // The tenant's own setting (the admin's route): 5 minutes idle for sessions from now on.
    const boss = await login(api, 'sess', 'boss'); // the earlier admin token sat idle too
    const policy = (body: object) =>
      api
        .http()
        .put('/api/v1/tenant/session-policy')
        .set('Authorization', `Bearer ${boss}`)
        .send(body);
    const tooLong = await policy({ idleMinutes: 1441, absoluteHours: 12 });
    expect([tooLong.status, tooLong.body.errors?.[0]?.path]).toEqual([400, 'idleMinutes']);
    await policy({ idleMinutes: 5, absoluteHours: 12 }).expect(200);
    const short = await login(api, 'sess', 'idler');
    clock.advance(4 * MINUTE);
    expect(await me(short)).toBe(200);
    clock.advance(5 * MINUTE + 1000);
    expect(await me(short)).toBe(401);
    await policy({ idleMinutes: 30, absoluteHours: 12 }).expect(200);
  });

  it('absolute: a session used all day ends 12 hours after login; renewal is capped at the end and refused past it', async () => {
    const token = await login(api, 'sess', 'worker');
    const renew = (at: string) =>
      api.commands.execute(
        new RenewSession(
          { tenantId, actorId: ids.worker, correlationId: 'renew-test' },
          sessionIdOf(at),
        ),
      );
    // Busy all day: a request every 20 minutes up to 11h40m keeps the session live.
    for (let step = 1; step <= 35; step += 1) {
      clock.advance(20 * MINUTE);
      expect(await me(token)).toBe(200);
    }
    // 11h40m: 20 minutes left, more than the 15-minute token: a full token.
    expect((await renew(token)).expiresIn).toBe(900);
    clock.advance(10 * MINUTE);
    // 11h50m: the renewed token lives 10 minutes, to the session's end, not 15.
    const capped = await renew(token);
    expect(capped.expiresIn).toBe(600);
    clock.advance(10 * MINUTE);
    // 12h00m: the session has ended; the token, the renewed one and renewal all refused.
    expect(await me(token)).toBe(401);
    expect(await me(capped.accessToken)).toBe(401);
    await expect(renew(token)).rejects.toMatchObject({ status: 401 });
  });
});

/** The session id inside a token (its `sid` claim). */
function sessionIdOf(token: string): string {
  const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as {
    sid: string;
  };
  return claims.sid;
}
