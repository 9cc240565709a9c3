import { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Test, TestingModule, TestingModuleBuilder } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureApp } from '../../apps/api/src/http/configure-app';
import { systemMeta, type AppConfig, type Role } from '../../libs/core/src';
import { PLATFORM_TENANT_ID } from '../../libs/db/src';
import { CreateTenant, CreateUser } from '../../libs/tenancy/src';
import { PasswordHasher } from '../../libs/tenancy/src/auth/password-hasher';
import { closePartialApp } from './close-partial-app';
import { ReusedHashPasswordHasher } from './reused-hash';
import { createTestDatabase, TestDatabase } from './test-db';

export interface TestApi {
  readonly app: INestApplication;
  readonly db: TestDatabase;
  readonly http: () => ReturnType<typeof request>;
  readonly commands: CommandBus;
  close(): Promise<void>;
}

/** The real HTTP stack (guards, pipes, filters) on a database and queue prefix of its own. */
/** `settings` override the test database's configuration (e.g. a short JWT_TTL_SECONDS). */
export async function startTestApi(settings: Partial<AppConfig> = {}): Promise<TestApi> {
  process.env.NODE_ENV = 'test';
  const db = await createTestDatabase();
  Object.assign(db.config, settings);
  const app = await initApp(
    Test.createTestingModule({
      imports: [
        ApiModule.forRoot({
          config: db.config,
          queuePrefix: `qs-test-${randomBytes(4).toString('hex')}`,
        }),
      ],
    })
      .overrideProvider(PasswordHasher)
      .useClass(ReusedHashPasswordHasher),
    () => db.drop(),
  );
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

/**
 * Compiles and starts the app. When that fails, it closes whatever was opened and runs
 * `cleanUp` (the database, temp files) before rethrowing: a spec whose beforeAll failed has
 * nothing for its afterAll to close, and open Redis/Nest handles would hold jest to its timeout.
 */
export async function initApp(
  builder: TestingModuleBuilder,
  cleanUp: () => Promise<unknown>,
): Promise<INestApplication> {
  let moduleRef: TestingModule | undefined;
  let app: INestApplication | undefined;
  try {
    moduleRef = await builder.compile();
    app = configureApp(moduleRef.createNestApplication({ logger: false }));
    await app.init();
    return app;
  } catch (error) {
    const opened = app ?? moduleRef;
    await (opened ? opened.close() : closePartialApp(builder)).catch(() => undefined);
    await cleanUp().catch(() => undefined);
    throw error;
  }
}

/** Setting up tenants and users is the operator's work (the CLI): the system viewer. */
const meta = (tenantId: string) =>
  systemMeta({
    tenantId,
    actorId: 'test-setup',
    correlationId: `test-${randomBytes(4).toString('hex')}`,
  });

export async function createTenant(api: TestApi, slug: string, kind = 'leasing'): Promise<string> {
  const created = await api.commands.execute(
    new CreateTenant(
      meta(PLATFORM_TENANT_ID),
      slug,
      `${slug} 测试`,
      kind as 'leasing',
      'Asia/Shanghai',
    ),
  );
  return created.id;
}

export const TEST_PASSWORD = 'test-password-123';

export async function createUser(
  api: TestApi,
  tenantId: string,
  username: string,
  roles: Role[],
): Promise<string> {
  const { id } = await api.commands.execute(
    new CreateUser(meta(tenantId), username, username, TEST_PASSWORD, roles),
  );
  return id;
}

export async function login(api: TestApi, tenant: string, username: string): Promise<string> {
  const response = await api
    .http()
    .post('/api/v1/auth/login')
    .send({ tenant, username, password: TEST_PASSWORD })
    .expect(200);
  return response.body.accessToken as string;
}
