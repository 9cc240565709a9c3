import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ALL_QUEUES } from '@qingshou/jobs';
import { loadAppConfig } from '@qingshou/core';
import { preflight } from '@qingshou/db';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = await preflight(() => loadAppConfig());
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot({ config }), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  // On SIGTERM Nest closes the module tree: @nestjs/bullmq calls worker.close(), which lets
  // the active job finish, and the outbox relay stops after its current pass.
  app.enableShutdownHooks();
  await app.init();
  console.warn(
    `Qingshou worker running: queues ${ALL_QUEUES.join(', ')}; outbox relay on; nightly runs at each tenant's 01:00`,
  );
}

void bootstrap();
