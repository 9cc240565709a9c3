import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { Clock, FixedClock } from '../../libs/calendar/src';
import type { TestDatabase } from './test-db';

/**
 * The real worker module in-process on a test file's database and queue prefix; the outbox
 * relay is left to the test (it drives it by hand), business time to `clock` when given.
 */
export async function bootTestWorker(
  db: TestDatabase,
  prefix: string,
  clock: FixedClock | null = null,
): Promise<INestApplicationContext> {
  process.env.NODE_ENV = 'test';
  let builder = Test.createTestingModule({
    imports: [WorkerModule.forRoot({ config: db.config, queuePrefix: prefix, startRelay: false })],
  });
  if (clock) builder = builder.overrideProvider(Clock).useValue(clock);
  const app = await builder.compile();
  return app.init();
}
