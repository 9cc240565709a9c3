import { CommandBus } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { LoggerModule } from 'nestjs-pino';
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import request from 'supertest';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureApp } from '../../apps/api/src/http/configure-app';
import { HttpLoggerModule, httpLoggerOptions } from '../../apps/api/src/http/logger.module';
import { as, BOOT_TIMEOUT_MS, ownerQuery, tenantWithUsers } from '../ledger/ledger-test-kit';
import type { TestApi } from '../support/test-app';
import { createTestDatabase } from '../support/test-db';

/** A valid GB 11643 number (check digit 4), a mobile and a name that must never reach a log line. */
const ID_NUMBER = '110101199003074514';
const PHONE = '13912345678';
const NAME = '日志测试员';
const CONSTRAINT = 'log_spec_refuses_debtors';

/** The API's own logger options (serializers, redaction), written into memory at level info. */
async function startApiWithCapturedLog(lines: string[]): Promise<TestApi> {
  process.env.NODE_ENV = 'test';
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const db = await createTestDatabase();
  const moduleRef = await Test.createTestingModule({
    imports: [
      ApiModule.forRoot({
        config: db.config,
        queuePrefix: `qs-test-${randomBytes(4).toString('hex')}`,
      }),
    ],
  })
    .overrideModule(HttpLoggerModule)
    .useModule(
      LoggerModule.forRoot({ pinoHttp: [{ ...httpLoggerOptions(), level: 'info' }, sink] }),
    )
    .compile();
  const app = configureApp(moduleRef.createNestApplication({ logger: false }));
  await app.init();
  return {
    app,
    db,
    http: () => request(app.getHttpServer()),
    commands: app.get(CommandBus),
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

describe('logs never hold personal data: a failing insert is logged without its bound values', () => {
  const lines: string[] = [];
  let api: TestApi;
  let token: string;

  beforeAll(async () => {
    api = await startApiWithCapturedLog(lines);
    token = (await tenantWithUsers(api, 'log-pii', { clerk: ['clerk'] })).tokens.clerk;
    // Every insert into debtors now fails in PostgreSQL itself (SQLSTATE 23514), after the
    // handler's checks passed: the driver error carries the statement with its values.
    await ownerQuery(
      api,
      `alter table debtors add constraint ${CONSTRAINT} check (false) not valid`,
    );
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => api.close(), BOOT_TIMEOUT_MS);

  it('POST /debtors failing in the database → 500; the log names SQLSTATE 23514 and the constraint, never the ID number, phone or name', async () => {
    lines.length = 0;
    const response = await as(api, token)
      .post('/debtors', { kind: 'person', name: NAME, idNumber: ID_NUMBER, phones: [PHONE] })
      .expect(500);
    expect(response.body.type).toBe('urn:qingshou:problem:internal');
    const rows = await ownerQuery<{ n: number }>(api, `select count(*)::int as n from debtors`);
    expect(rows[0].n).toBe(0);

    const log = lines.join('');
    const errorLines = lines
      .map((line) => JSON.parse(line) as { level: number; err?: Record<string, unknown> })
      .filter((line) => line.level >= 50 && line.err?.code === '23514');
    // The problem-details filter logged the driver error, with the place it failed and the
    // statement's shape (values replaced by ?).
    expect(errorLines).toHaveLength(1);
    expect(errorLines[0].err).toMatchObject({
      type: 'CheckConstraintViolationException',
      code: '23514',
      constraint: CONSTRAINT,
      table: 'debtors',
    });
    expect(errorLines[0].err?.message).toMatch(
      /^insert into "debtors" \(.*\) values \(NULL, \?, \?, \?, \?, \?, \?, \?, \?\) - new row for relation "debtors" violates check constraint/,
    );
    expect(errorLines[0].err?.detail).toBeUndefined();

    expect(log).not.toContain(ID_NUMBER);
    expect(log).not.toContain(ID_NUMBER.slice(6, 14)); // the birth date, even masked around it
    expect(log).not.toContain(PHONE);
    expect(log).not.toContain(NAME);
  });
});
