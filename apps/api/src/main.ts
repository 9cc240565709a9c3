import 'reflect-metadata';
import cluster from 'node:cluster';
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

/**
 * API_WORKERS (default 1): how many API processes share PORT through node:cluster — one
 * Node process keeps one core busy at most, and the API is stateless (sessions and
 * throttles live in PostgreSQL and Redis), so a second process serves a second core.
 */
function apiWorkers(): number {
  const raw = process.env.API_WORKERS ?? '1';
  if (!/^[1-9]\d?$/.test(raw))
    throw new Error(`API_WORKERS must be a whole number from 1 to 99 (got "${raw}")`);
  return Number(raw);
}

/** The primary only forks and watches: a worker that dies takes the API down (fail fast). */
function supervise(count: number): void {
  let stopping = false;
  for (let i = 0; i < count; i++) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    console.error(`API worker ${worker.process.pid} exited (${signal ?? code}); stopping the API`);
    stopping = true;
    process.exitCode = 1;
    for (const other of Object.values(cluster.workers ?? {})) other?.kill('SIGTERM');
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

const workers = apiWorkers();
if (workers > 1 && cluster.isPrimary) supervise(workers);
else void bootstrap();
