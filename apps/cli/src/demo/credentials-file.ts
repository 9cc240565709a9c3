import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** One demo user's login as `demo` generated it. */
export interface DemoLogin {
  readonly tenant: string;
  readonly username: string;
  readonly password: string;
  readonly roles: readonly string[];
}

const COLUMNS = 'tenant            username             password           roles';

export function formatLogins(logins: readonly DemoLogin[]): string {
  return [
    COLUMNS,
    ...logins.map(
      (l) =>
        `${l.tenant.padEnd(18)}${l.username.padEnd(21)}${l.password.padEnd(19)}${l.roles.join(',')}`,
    ),
  ].join('\n');
}

/** The logins in a credentials file; comment and column lines are skipped. */
export function parseLogins(text: string): DemoLogin[] {
  const logins: DemoLogin[] = [];
  for (const line of text.split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields.length !== 4 || line.startsWith('#') || line.startsWith('tenant ')) continue;
    const [tenant, username, password, roles] = fields;
    logins.push({ tenant, username, password, roles: roles.split(',') });
  }
  return logins;
}

const headerFor = (database: string) =>
  `# Demo logins for database ${database}, written by \`demo\`` +
  ' (`demo --reset` rebuilds the database and rewrites this file).';

/**
 * Whether the file is the one block written for `database`. A file appended to by earlier
 * versions (a block per run, most of them for other databases) has no such header.
 */
export function isFileFor(file: string, database: string): boolean {
  return existsSync(file) && readFileSync(file, 'utf8').split('\n')[0] === headerFor(database);
}

export function readLogins(file: string): DemoLogin[] {
  return existsSync(file) ? parseLogins(readFileSync(file, 'utf8')) : [];
}

/**
 * Writes the file whole, never appending: it holds one block, the logins valid on `database`.
 * On a fresh database (`fresh`) earlier logins are gone with it, so only `created` remain;
 * otherwise `created` (users added since) join the logins already kept for the same users'
 * database, replacing any stale line for the same user.
 */
export function saveLogins(
  file: string,
  database: string,
  created: readonly DemoLogin[],
  fresh: boolean,
): DemoLogin[] {
  const key = (l: DemoLogin) => `${l.tenant}/${l.username}`;
  const replaced = new Set(created.map(key));
  const kept = fresh ? [] : readLogins(file).filter((l) => !replaced.has(key(l)));
  const logins = [...kept, ...created];
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${headerFor(database)}\n${formatLogins(logins)}\n`, { mode: 0o600 });
  return logins;
}
