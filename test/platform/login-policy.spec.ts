import { CommandBus } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureApp } from '../../apps/api/src/http/configure-app';
import { Clock, FixedClock } from '../../libs/calendar/src';
import { Login } from '../../libs/tenancy/src';
import { createTenant, createUser, TEST_PASSWORD, TestApi } from '../support/test-app';
import { createTestDatabase } from '../support/test-db';

/**
 * The login policy (issue 14 part 4): failures only count, per account a short delay that
 * grows, per address a cap on failures. Time is the injected FixedClock, never a sleep.
 */
describe('login policy: protects without locking offices out', () => {
  let api: TestApi;
  const clock = new FixedClock('2026-11-12T09:00:00+08:00');

  beforeAll(async () => {
    process.env.NODE_ENV = 'test';
    const db = await createTestDatabase();
    const moduleRef = await Test.createTestingModule({
      imports: [
        ApiModule.forRoot({
          config: db.config,
          queuePrefix: `qs-test-${randomBytes(4).toString('hex')}`,
        }),
      ],
    })
      .overrideProvider(Clock)
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
    const tenantId = await createTenant(api, 'office-nat');
    for (const name of ['clerk1', 'clerk2', 'clerk3', 'manager1']) {
      await createUser(api, tenantId, name, ['clerk']);
    }
  }, 120_000);

  afterAll(() => api?.close());

  const apiLogin = (username: string, password: string) =>
    api.http().post('/api/v1/auth/login').send({ tenant: 'office-nat', username, password });

  /** A login from a given address (the command carries it; HTTP would be 127.0.0.1). */
  const loginFrom = (ip: string, username: string, password: string) =>
    api.commands
      .execute(new Login('office-nat', username, password, ip, 'login-policy-spec'))
      .then(() => 200)
      .catch((error: { status?: number; retryAfterSeconds?: number }) => error.status ?? 500);

  it("an office's 50 successful logins in 15 minutes from one address all succeed", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 50; i += 1) {
      const username = ['clerk1', 'clerk2', 'clerk3'][i % 3];
      statuses.push((await apiLogin(username, TEST_PASSWORD)).status);
      clock.advance(15_000);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(50);
  });

  it("a stranger's 10 wrong passwords slow the account down but do not lock its owner out", async () => {
    const statuses: number[] = [];
    let lastRetryAfter = 0;
    for (let guesses = 0; guesses < 10;) {
      const response = await apiLogin('manager1', `guess-${guesses}-x`);
      statuses.push(response.status);
      if (response.status === 429) {
        lastRetryAfter = Number(response.headers['retry-after']);
        clock.advance(lastRetryAfter * 1000);
      } else {
        expect(response.status).toBe(401);
        guesses += 1;
      }
    }
    // Three free guesses, then a wait before each: 1, 2, 4, 8, 16, 32 s, then the cap of 60.
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
    expect(lastRetryAfter).toBe(60);
    // Right after the tenth guess the owner waits at most a minute (429 naming it) …
    const waiting = await apiLogin('manager1', TEST_PASSWORD);
    expect(waiting.status).toBe(429);
    expect(Number(waiting.headers['retry-after'])).toBe(60);
    // … and once it has passed, the right password works and clears the count.
    clock.advance(60_000);
    await apiLogin('manager1', TEST_PASSWORD).expect(200);
    await apiLogin('manager1', 'one-typo-x').expect(401);
    await apiLogin('manager1', TEST_PASSWORD).expect(200);
  });

  it('per address, failures are capped: the 31st wrong password in a window → 429, other addresses unaffected', async () => {
    clock.set(new Date('2026-11-13T01:00:00Z'));
    const ip = '203.0.113.7';
    const statuses: number[] = [];
    for (let i = 0; i < 30; i += 1) {
      // Spread over many usernames (spraying): no account delay kicks in.
      statuses.push(await loginFrom(ip, `nobody${i}`, 'wrong-password-x'));
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(30);
    expect(await loginFrom(ip, 'clerk2', TEST_PASSWORD)).toBe(429);
    expect(await loginFrom('198.51.100.2', 'clerk2', TEST_PASSWORD)).toBe(200);
    // The window (15 minutes by the clock) ends, the address may try again.
    clock.advance(15 * 60_000);
    expect(await loginFrom(ip, 'clerk2', TEST_PASSWORD)).toBe(200);
  });

  it('guesses sent in parallel do not slip through one gap: of 5 at once after 2 failures, 1 is tried, 4 wait', async () => {
    clock.set(new Date('2026-11-15T01:00:00Z'));
    for (let i = 0; i < 2; i += 1) {
      expect(await loginFrom('192.0.2.10', 'clerk1', 'wrong-password-x')).toBe(401);
    }
    const statuses = await Promise.all(
      Array.from({ length: 5 }, (_, i) => loginFrom(`192.0.2.${20 + i}`, 'clerk1', `guess-${i}-x`)),
    );
    expect(statuses.filter((s) => s === 401)).toHaveLength(1);
    expect(statuses.filter((s) => s === 429)).toHaveLength(4);
    clock.advance(1000);
    expect(await loginFrom('192.0.2.10', 'clerk1', TEST_PASSWORD)).toBe(200);
  });

  it("the console's login page answers 429 with Retry-After and says the wait in Chinese", async () => {
    clock.set(new Date('2026-11-14T01:00:00Z'));
    for (let i = 0; i < 3; i += 1) await apiLogin('clerk3', 'wrong-password-x').expect(401);
    const form = await api.http().get('/console/login').expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
    const jar = String(form.headers['set-cookie']).split(';')[0];
    const throttled = await api
      .http()
      .post('/console/login')
      .set('Cookie', jar)
      .set('Accept-Language', 'zh-CN')
      .type('form')
      .send({ _csrf: csrf, tenant: 'office-nat', username: 'clerk3', password: TEST_PASSWORD });
    expect(throttled.status).toBe(429);
    expect(throttled.headers['retry-after']).toBe('1');
    expect(throttled.text).toContain('登录失败次数过多，请 1 秒后再试。');
  });

  it('setting a weak password is refused with the Chinese reason; a strong one is accepted', async () => {
    const admin = await createUser(api, (await tenantIdOf('office-nat'))!, 'admin1', [
      'tenant-admin',
    ]);
    expect(admin).toBeTruthy();
    const token = (await apiLogin('admin1', TEST_PASSWORD).expect(200)).body.accessToken;
    const create = (username: string, password: string) =>
      api
        .http()
        .post('/api/v1/users')
        .set('Authorization', `Bearer ${token}`)
        .send({ username, displayName: '新用户', password, roles: ['clerk'] });
    for (const [password, why] of [
      ['aaaaaaaaaa', '重复的字符'],
      ['1234567890', '常见的密码'],
      ['          ', '重复的字符'],
      ['wang.fang2026', '与用户名或姓名相近'],
    ]) {
      const refused = await create('wang.fang2026', password).expect(400);
      expect(refused.body.errors).toEqual([
        { path: 'password', reason: expect.stringContaining(why) },
      ]);
      expect(refused.body.errors[0].reason).toContain('密码太弱');
    }
    const tooLong = await create('wang.fang', `Xk3-vQ9r_Lm2${'x'.repeat(250)}`).expect(400);
    expect(JSON.stringify(tooLong.body.errors)).toContain('密码不能超过 256 个字符');
    expect(JSON.stringify(tooLong.body.errors)).not.toContain('at least');
    await create('wang.fang', 'Xk3-vQ9r_Lm2').expect(201);
    await apiLogin('wang.fang', 'Xk3-vQ9r_Lm2').expect(200);
  });

  async function tenantIdOf(slug: string): Promise<string | undefined> {
    const { connect } = await import('../support/test-db');
    const owner = await connect(api.db.ownerUrl);
    const rows = await owner.query('select id from tenants where slug = $1', [slug]);
    await owner.end();
    return rows.rows[0]?.id as string | undefined;
  }
});
