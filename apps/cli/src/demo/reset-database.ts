import { migrate } from '@qingshou/db';
import { spawnSync } from 'node:child_process';
import { Client } from 'pg';

/**
 * `demo --reset`: drops the whole database named in the owner URL (every demo tenant with
 * it — the app has no other data worth keeping in a demo install) and migrates a fresh one.
 * `with (force)` ends the sessions still open on it, this process's own pool included, so
 * the caller must seed from a new process (see `reseedInFreshProcess`).
 */
export async function resetDemoDatabase(ownerUrl: string): Promise<string[]> {
  const url = new URL(ownerUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${name.replace(/"/g, '""')}" with (force)`);
  } finally {
    await admin.end();
  }
  return migrate(ownerUrl);
}

/** Runs `demo` (with the given extra arguments) in a new CLI process, on a fresh ORM pool. */
export function reseedInFreshProcess(args: readonly string[]): number {
  const result = spawnSync(
    process.execPath,
    [...process.execArgv, process.argv[1], 'demo', ...args],
    {
      stdio: 'inherit',
      env: process.env,
    },
  );
  return result.status ?? 1;
}
