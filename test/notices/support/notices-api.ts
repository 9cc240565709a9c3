import { CommandBus } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import request from 'supertest';
import { ApiModule } from '../../../apps/api/src/api.module';
import { configureApp } from '../../../apps/api/src/http/configure-app';
import { Clock, FixedClock } from '../../../libs/calendar/src';
import { DomainError, type Role, systemMeta, ValidationFailedError } from '../../../libs/core/src';
import {
  IssuedNotice,
  IssueNotice,
  type IssueNoticeInput,
  NoticeTemplateSource,
  PackDirectoryTemplateSource,
} from '../../../libs/notices/src';
import { createTenant, createUser, login, TestApi } from '../../support/test-app';
import { connect, createTestDatabase } from '../../support/test-db';

/** The test pack: fixtures/test-pack/{pack.yaml, templates/*.hbs}, version 0.3.1. */
export const FIXTURES = resolve(__dirname, '../fixtures');

export interface NoticesTestApi extends TestApi {
  readonly clock: FixedClock;
}

/**
 * test/support/test-app's startTestApi with business time pinned (delivery dates may not
 * lie in the future) and templates read from the test pack, the way the policy engine
 * will bind its own NoticeTemplateSource. Real PostgreSQL and Redis.
 */
export async function startNoticesApi(now = '2026-11-28T02:00:00Z'): Promise<NoticesTestApi> {
  process.env.NODE_ENV = 'test';
  const db = await createTestDatabase();
  const clock = new FixedClock(now);
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
    .overrideProvider(NoticeTemplateSource)
    .useValue(new PackDirectoryTemplateSource(FIXTURES))
    .compile();
  const app = configureApp(moduleRef.createNestApplication({ logger: false }));
  await app.init();
  return {
    app,
    db,
    clock,
    http: () => request(app.getHttpServer()),
    commands: app.get(CommandBus),
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

export interface NoticesTenant {
  readonly id: string;
  readonly slug: string;
  readonly tokens: Record<string, string>;
  readonly debtorId: string;
}

/** A tenant with one logged-in user per entry and one debtor, 孙桂英. */
export async function noticesTenant(
  api: TestApi,
  slug: string,
  users: Record<string, Role[]>,
): Promise<NoticesTenant> {
  const id = await createTenant(api, slug);
  const tokens: Record<string, string> = {};
  for (const [username, roles] of Object.entries(users)) {
    await createUser(api, id, username, roles);
    tokens[username] = await login(api, slug, username);
  }
  const registrar = 'notices-registrar';
  await createUser(api, id, registrar, ['tenant-admin']);
  const debtor = await api
    .http()
    .post('/api/v1/debtors')
    .set('Authorization', `Bearer ${await login(api, slug, registrar)}`)
    .send({ kind: 'person', name: '孙桂英', idNumber: '11010519670523465X' })
    .expect(201);
  return { id, slug, tokens, debtorId: debtor.body.id as string };
}

/** Supertest with the bearer token set. */
export function as(api: TestApi, token: string) {
  const auth = { Authorization: `Bearer ${token}` };
  return {
    post: (url: string, body: object | string) =>
      api.http().post(`/api/v1${url}`).set(auth).set('Content-Type', 'application/json').send(body),
    get: (url: string) => api.http().get(`/api/v1${url}`).set(auth),
  };
}

/** A response-like answer of the internal IssueNotice: status and body, `expect` to check. */
export interface RawIssue {
  readonly status: number;
  readonly body: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/**
 * The internal IssueNotice — the command the engine issues its letters with, taking the data
 * as given. No HTTP route builds it since issue 12 (a person's POST /notices goes through
 * the engine), so these specs of the notices lib itself (rendering, idempotency, delivery,
 * dispatch) issue through the bus. Answered like the former route: 201 new, 200 repeat, the
 * error's status and problems (input fields prefixed `body.`) otherwise.
 */
export function issueRaw(
  api: TestApi,
  tenantId: string,
  input: Record<string, unknown>,
): { expect(status: number): Promise<RawIssue> } {
  const answer = (async (): Promise<RawIssue> => {
    const meta = {
      tenantId,
      actorId: 'engine:test',
      correlationId: `raw-${randomBytes(4).toString('hex')}`,
    };
    try {
      const result: IssuedNotice = await api.commands.execute(
        new IssueNotice(systemMeta(meta), input as unknown as IssueNoticeInput),
      );
      return { status: result.created ? 201 : 200, body: result.notice };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const prefix = error instanceof ValidationFailedError ? 'body.' : '';
      return {
        status: error.status,
        body: {
          detail: error.message,
          errors: error.problems.map((p) => ({ path: `${prefix}${p.path}`, reason: p.reason })),
        },
      };
    }
  })();
  return {
    async expect(status: number) {
      const response = await answer;
      if (response.status !== status) {
        throw new Error(
          `expected ${status}, got ${response.status}: ${JSON.stringify(response.body)}`,
        );
      }
      return response;
    },
  };
}

/** The overdue notice's data: 100,000.00 principal, the 775.00 penalty, 100,775.00 due. */
export function overdueData(): Record<string, unknown> {
  return {
    debtor: { name: '孙桂英', idNumber: '11010519670523465X' },
    account: { contractNo: 'XC-2025-0012', dueDate: '2026-01-01', dpd: 63 },
    amounts: { principal: '100000.00', penalty: '775.00', totalDue: '100775.00' },
  };
}

/** Raw SQL as the owner (no RLS), to check what really is in the tables. */
export async function ownerQuery<T extends Record<string, unknown>>(
  api: TestApi,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const owner = await connect(api.db.ownerUrl);
  try {
    return (await owner.query<T>(sql, params)).rows;
  } finally {
    await owner.end();
  }
}
