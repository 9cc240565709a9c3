import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { loadAppConfig } from '@qingshou/core';
import { preflight } from '@qingshou/db';
import { ApiModule } from './api.module';
import { configureApp } from './http/configure-app';

async function bootstrap(): Promise<void> {
  const config = await preflight(() => loadAppConfig());
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot({ config }), {
    bufferLogs: true,
  });
  app.set('trust proxy', 'loopback');
  configureApp(app);
  await app.listen(config.PORT, '0.0.0.0');
  console.warn(
    `Qingshou API on http://127.0.0.1:${config.PORT}/api/v1 — docs http://127.0.0.1:${config.PORT}/api/docs`,
  );
}

void bootstrap();
