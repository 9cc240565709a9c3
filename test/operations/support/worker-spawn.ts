import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { TestDatabase } from '../../support/test-db';

const ROOT = join(__dirname, '../../..');

function newest(dir: string): number {
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) max = Math.max(max, newest(path));
    else if (entry.name.endsWith('.ts')) max = Math.max(max, statSync(path).mtimeMs);
  }
  return max;
}

/** dist/ is used when `npm run build` left it newer than every source (CI builds first). */
function distIsFresh(): boolean {
  const stamp = join(ROOT, 'dist', '.build-stamp');
  const module = join(ROOT, 'dist/apps/worker/src/processors/runs.processor.js');
  if (!existsSync(stamp) || !existsSync(module)) return false;
  const built = statSync(stamp).mtimeMs;
  return built >= newest(join(ROOT, 'apps')) && built >= newest(join(ROOT, 'libs'));
}

export interface SpawnedWorker {
  readonly child: ChildProcess;
  readonly output: () => string;
  readonly ready: Promise<void>;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** `node test/operations/support/worker-process.js` on the test's database and queue prefix. */
export function spawnWorker(db: TestDatabase, prefix: string, lockMs: number): SpawnedWorker {
  const child = spawn(process.execPath, [join(__dirname, 'worker-process.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: db.ownerUrl,
      REDIS_URL: db.config.REDIS_URL,
      REDIS_KEY_PREFIX: db.config.REDIS_KEY_PREFIX,
      JWT_SECRET: db.config.JWT_SECRET,
      // The worker's files (notice sink, storage) go where the test's own do, not the tree.
      NOTICE_OUTBOX_DIR: db.config.NOTICE_OUTBOX_DIR,
      STORAGE_DIR: db.config.STORAGE_DIR,
      QS_QUEUE_PREFIX: prefix,
      QS_WORKER_FROM_DIST: distIsFresh() ? '1' : '0',
      RUNS_LOCK_MS: String(lockMs),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('worker ready')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => void (text += chunk.toString()));
    child.once('exit', (code) =>
      reject(new Error(`worker exited (${code}) before ready:\n${text}`)),
    );
  });
  ready.catch(() => undefined);
  return {
    child,
    output: () => text,
    ready,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
