import { AppConfig } from '@qingshou/core';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { extract } from 'tar';
import { fileRoots } from './backup-archive';
import { BACKUP_FORMAT, BackupManifest, isSafeArchivePath, sha256File } from './manifest';
import { pgTool } from './pg-tools';

/** Restore stops before writing anything: the archive is damaged or the target is not empty. */
export class RestoreRefused extends Error {}

export interface RestoreReport {
  readonly database: string;
  readonly files: number;
  /** Every restored file re-read from the file store with its manifest sha256. */
  readonly verified: number;
}

/**
 * Brings an archive into an EMPTY database (created when missing) and the file store. The
 * archive is checked against its manifest before anything is written; the files are checked
 * again where they land.
 */
export async function restoreBackup(config: AppConfig, archive: string): Promise<RestoreReport> {
  const staging = await mkdtemp(join(tmpdir(), 'qingshou-restore-'));
  try {
    await extract({ file: archive, cwd: staging, strict: true }).catch((error: Error) => {
      throw new RestoreRefused(`${archive} is not a readable tar archive (${error.message})`);
    });
    const manifest = await readManifest(staging);
    const damaged: string[] = [];
    for (const entry of [manifest.dump, ...manifest.files]) {
      if (!isSafeArchivePath(entry.path)) throw new RestoreRefused(`unsafe path ${entry.path}`);
      const actual = await sha256File(join(staging, entry.path)).catch(() => 'missing');
      if (actual !== entry.sha256) damaged.push(`${entry.path} (${actual})`);
    }
    if (damaged.length) {
      throw new RestoreRefused(`archive does not match its manifest: ${damaged.join(', ')}`);
    }
    await prepareEmptyDatabase(config);
    await pgTool('pg_restore', [
      '--exit-on-error',
      '--no-owner',
      `--dbname=${config.DATABASE_URL}`,
      join(staging, 'database.dump'),
    ]);
    const roots = fileRoots(config);
    const mismatched: string[] = [];
    for (const entry of manifest.files) {
      const [, folder, ...rest] = entry.path.split('/');
      const target = join(roots[folder as keyof typeof roots], ...rest);
      await mkdir(dirname(target), { recursive: true });
      await copyFile(join(staging, entry.path), target);
      if ((await sha256File(target)) !== entry.sha256) mismatched.push(entry.path);
    }
    if (mismatched.length) {
      throw new Error(`restored files differ from the manifest: ${mismatched.join(', ')}`);
    }
    return {
      database: config.databaseName,
      files: manifest.files.length,
      verified: manifest.files.length,
    };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function readManifest(staging: string): Promise<BackupManifest> {
  const text = await readFile(join(staging, 'manifest.json'), 'utf8').catch(() => {
    throw new RestoreRefused('not a Qingshou backup: manifest.json is missing');
  });
  const manifest = JSON.parse(text) as BackupManifest;
  if (manifest.format !== BACKUP_FORMAT || !Array.isArray(manifest.files) || !manifest.dump) {
    throw new RestoreRefused(`not a ${BACKUP_FORMAT} archive`);
  }
  return manifest;
}

/**
 * The target must hold no table (a restore never merges into live data). Created when
 * missing; the application role is created when this cluster lacks it (roles are not in a
 * database dump, its grants are).
 */
async function prepareEmptyDatabase(config: AppConfig): Promise<void> {
  const name = config.databaseName;
  const adminUrl = new URL(config.DATABASE_URL);
  adminUrl.pathname = '/postgres';
  const admin = new Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  try {
    const exists = await admin.query(`select 1 from pg_database where datname = $1`, [name]);
    if (!exists.rowCount) await admin.query(`create database "${name}"`);
    await admin.query(
      `do $$ begin
         if not exists (select from pg_roles where rolname = '${config.APP_DB_USER}') then
           create role "${config.APP_DB_USER}" login nosuperuser nobypassrls nocreatedb nocreaterole;
         end if;
       end $$`,
    );
  } finally {
    await admin.end();
  }
  const target = new Client({ connectionString: config.DATABASE_URL });
  await target.connect();
  try {
    const { rows } = await target.query<{ n: number }>(
      `select count(*)::int as n from pg_tables
        where schemaname not in ('pg_catalog', 'information_schema')`,
    );
    if (rows[0].n > 0) {
      throw new RestoreRefused(
        `database "${name}" is not empty (${rows[0].n} tables): restore needs an empty database`,
      );
    }
  } finally {
    await target.end();
  }
}
