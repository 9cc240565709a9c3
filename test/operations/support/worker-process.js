// A real worker process for the SIGKILL test: WorkerModule on the database and queue prefix
// the environment names (DATABASE_URL, REDIS_URL, REDIS_KEY_PREFIX, JWT_SECRET,
// QS_QUEUE_PREFIX). It runs the compiled dist/ when QS_WORKER_FROM_DIST=1 (CI builds before
// testing), else the TypeScript sources through a transpile-only require hook.
/* eslint-disable @typescript-eslint/no-require-imports */
/* global require, process, __dirname */
const { join } = require('node:path');

const root = join(__dirname, '../../..');
const fromDist = process.env.QS_WORKER_FROM_DIST === '1';
if (!fromDist) require('./ts-register');
const base = fromDist ? join(root, 'dist') : root;

require('reflect-metadata');
const { NestFactory } = require('@nestjs/core');
const { loadAppConfig } = require(join(base, 'libs/core/src'));
const { WorkerModule } = require(join(base, 'apps/worker/src/worker.module'));

async function main() {
  const config = loadAppConfig();
  const app = await NestFactory.createApplicationContext(
    WorkerModule.forRoot({ config, queuePrefix: process.env.QS_QUEUE_PREFIX, startRelay: false }),
    { logger: ['error', 'warn'] },
  );
  await app.init();
  process.stdout.write('worker ready\n');
  const stop = () => app.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  process.stderr.write(`worker failed: ${error.stack}\n`);
  process.exit(1);
});
