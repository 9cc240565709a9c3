import { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureApp } from '../../apps/api/src/http/configure-app';
import { Clock, FixedClock } from '../../libs/calendar/src';
import { OpenCase } from '../../libs/collection/src';
import { RegisterAccount, RegisterDebtor } from '../../libs/ledger/src';
import { InstallPack } from '../../libs/policy/src';
import { residentId } from '../collection/support/fixtures';
import { meta } from '../kpi/support/kpi-fixtures';
import { createTenant, createUser, login, type TestApi } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

/** 10:00 in Shanghai, the start of a 15-minute window: a refusal waits 900 seconds. */
const NOW = '2026-03-02T02:00:00Z';

/**
 * Issue 16 §3 "rate-limited" behind issue 15 §3's two instances: the debtor page's steps are
 * counted in Redis (30 a link, 120 an address per 15 minutes), so a balancer that sends the
 * debtor's requests to A and B alternately gives no more tries than one instance does. Two
 * API apps on two ports over one database, one Redis and one key prefix; one FixedClock.
 */
describe('the debtor page’s rate limits hold across two API instances', () => {
  let db: TestDatabase;
  const apps: INestApplication[] = [];
  let a: () => ReturnType<typeof request>;
  let b: () => ReturnType<typeof request>;
  const clock = new FixedClock(NOW);
  let link: string;
  let idNumber: string;

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
    const commands = apps[0].get(CommandBus);
    const setup = { app: apps[0], db, commands, http: a } as unknown as TestApi;
    const tenantId = await createTenant(setup, 'two-api-debtor', 'agency');
    await commands.execute(
      new InstallPack(
        meta(tenantId, 'test-admin', ['tenant-admin']),
        tenantId,
        'card-collection-agency',
        undefined,
        {},
      ),
    );
    const bossId = await createUser(setup, tenantId, 'boss', ['manager']);
    idNumber = residentId();
    const debtor = await commands.execute(
      new RegisterDebtor(meta(tenantId), {
        kind: 'person',
        name: '王小明',
        idNumber,
        phones: ['13800138000'],
      }),
    );
    await commands.execute(
      new RegisterAccount(meta(tenantId), {
        debtorId: debtor.id,
        type: 'card-account',
        source: 'test',
        externalRef: 'CARD-00004321',
        principal: '3000.00',
        annualRate: '0',
        startDate: '2025-12-01',
        schedule: {
          method: 'given',
          installments: [{ dueDate: '2026-02-02', principal: '3000.00', interest: '0.00' }],
        },
      }),
    );
    const opened = await commands.execute(
      new OpenCase(meta(tenantId, bossId, ['manager']), { debtorId: debtor.id, scope: 'debtor' }),
    );
    const token = await login(setup, 'two-api-debtor', 'boss');
    const issued = await a()
      .post(`/api/v1/cases/${opened.id as string}/debtor-links`)
      .set('Authorization', `Bearer ${token}`)
      .send({ channel: 'console' })
      .expect(201);
    link = new URL(issued.body.url as string).pathname;
  }, 180_000);
  afterAll(async () => {
    for (const app of apps) await app.close();
    await db?.drop();
  });

  /** One step: the ID characters (wrong ones: nothing is sent, the answer is the same). */
  const step = (http: () => ReturnType<typeof request>, path: string) =>
    http().post(`${path}/verify`).type('form').send({ idTail: '0000' });
  /** 16 steps through A, then 15 through B; each answer as the debtor sees it. */
  const tries = async (path: string) => {
    const answers: [number, string | undefined, string][] = [];
    for (let i = 0; i < 31; i += 1) {
      const res = await step(i < 16 ? a : b, path);
      // The page names its own address; apart from that the answers are compared whole.
      answers.push([
        res.status,
        res.headers['retry-after'],
        res.text.split(path).join('/d/<link>'),
      ]);
    }
    return answers;
  };

  it('16 tries on A and 15 on B on one link: the 31st is refused (429, Retry-After 900), revealing nothing', async () => {
    expect(idNumber.slice(-4)).not.toBe('0000');
    const answers = await tries(link);
    expect(answers.map(([status]) => status)).toEqual([...Array<number>(30).fill(200), 429]);
    const [, retryAfter, refused] = answers[30];
    expect(retryAfter).toBe('900');
    expect(refused).toContain('操作过于频繁');
    for (const secret of ['王小明', '王*', idNumber, idNumber.slice(-4), '3,000.00', '4321']) {
      expect(answers.some(([, , text]) => text.includes(secret))).toBe(false);
    }
    // A link that does not exist gets the very same answers, refusal included: the limit tells
    // nobody whether a link is real.
    expect(await tries(`/d/${'C'.repeat(43)}`)).toEqual(answers);
  });

  it('the refusal holds on both instances until the window ends, then either admits the link again', async () => {
    expect((await step(a, link)).status).toBe(429);
    clock.advance(899_000);
    const late = await step(b, link);
    expect([late.status, late.headers['retry-after']]).toEqual([429, '1']);
    clock.advance(1_000);
    expect((await step(b, link)).status).toBe(200);
    expect((await step(a, link)).status).toBe(200);
  });
});
