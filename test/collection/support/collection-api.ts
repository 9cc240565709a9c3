import { CommandBus } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { ApiModule } from '../../../apps/api/src/api.module';
import { Clock, FixedClock } from '../../../libs/calendar/src';
import { ContactPolicy, FileStorage, LocalDiskFileStorage } from '../../../libs/collection/src';
import type { AppConfig } from '../../../libs/core/src';
import { ReusedHashPasswordHasher } from '../../support/reused-hash';
import { initApp, type TestApi } from '../../support/test-app';
import { PasswordHasher } from '../../../libs/tenancy/src/auth/password-hasher';
import { createTestDatabase } from '../../support/test-db';

export interface CollectionTestApi extends TestApi {
  /** Business time for the whole app: DESIGN §4, nothing reads the wall clock. */
  readonly clock: FixedClock;
  /** Where attachments land, a temp directory of this file's own. */
  readonly storageDir: string;
}

export interface CollectionApiOptions {
  /** ISO instant the clock starts at. */
  readonly now: string;
  /** Stands in for the policy engine's ContactPolicy. */
  readonly contactPolicy?: ContactPolicy;
}

/**
 * test/support/test-app's startTestApi plus what case work needs pinned: a fixed clock
 * (promise dates, DPD, "today"), attachment storage in a temp directory, and optionally a
 * ContactPolicy the way the policy engine will provide one. Real PostgreSQL and Redis.
 */
export async function startCollectionApi(
  options: CollectionApiOptions,
): Promise<CollectionTestApi> {
  process.env.NODE_ENV = 'test';
  const db = await createTestDatabase();
  const clock = new FixedClock(options.now);
  const storageDir = await mkdtemp(join(tmpdir(), 'qs-collection-'));
  let builder = Test.createTestingModule({
    imports: [
      ApiModule.forRoot({
        config: db.config,
        queuePrefix: `qs-test-${randomBytes(4).toString('hex')}`,
      }),
    ],
  })
    .overrideProvider(Clock)
    .useValue(clock)
    .overrideProvider(FileStorage)
    .useValue(new LocalDiskFileStorage({ STORAGE_DIR: storageDir } as AppConfig))
    .overrideProvider(PasswordHasher)
    .useClass(ReusedHashPasswordHasher);
  if (options.contactPolicy)
    builder = builder.overrideProvider(ContactPolicy).useValue(options.contactPolicy);
  const app = await initApp(builder, async () => {
    await db.drop();
    await rm(storageDir, { recursive: true, force: true });
  });
  return {
    app,
    db,
    clock,
    storageDir,
    http: () => request(app.getHttpServer()),
    commands: app.get(CommandBus),
    async close() {
      await app.close();
      await db.drop();
      await rm(storageDir, { recursive: true, force: true });
    },
  };
}
