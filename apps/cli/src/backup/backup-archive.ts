import { AppConfig } from '@qingshou/core';
import { mkdir, mkdtemp, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { create } from 'tar';
import {
  BACKUP_FORMAT,
  BackupManifest,
  describeFile,
  listStoredFiles,
  ManifestEntry,
} from './manifest';
import { pgTool } from './pg-tools';

/** The stored-file roots an archive carries, by their folder inside it. */
export function fileRoots(config: AppConfig): Record<'storage' | 'outbox', string> {
  return { storage: resolve(config.STORAGE_DIR), outbox: resolve(config.NOTICE_OUTBOX_DIR) };
}

/**
 * One archive (tar): manifest.json, database.dump (pg_dump custom format, one snapshot) and
 * the stored files. The dump is taken first: stored files are written once under fresh keys
 * before their row commits, so every row the dump holds has its file already on disk; files
 * added after the dump are carried too and are harmless extras.
 */
export async function writeBackup(config: AppConfig, target: string): Promise<BackupManifest> {
  const staging = await mkdtemp(join(tmpdir(), 'qingshou-backup-'));
  try {
    const dumpPath = join(staging, 'database.dump');
    await pgTool('pg_dump', [
      '--format=custom',
      `--file=${dumpPath}`,
      `--dbname=${config.DATABASE_URL}`,
    ]);
    const files: ManifestEntry[] = [];
    await mkdir(join(staging, 'files'));
    for (const [folder, root] of Object.entries(fileRoots(config))) {
      // The archive reads each root through a link, so no file is copied twice.
      await symlink(root, join(staging, 'files', folder));
      for (const path of await listStoredFiles(root)) {
        files.push(await describeFile(join(root, path), `files/${folder}/${path}`));
      }
    }
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      database: config.databaseName,
      dump: await describeFile(dumpPath, 'database.dump'),
      files,
    };
    await writeFile(join(staging, 'manifest.json'), JSON.stringify(manifest, null, 2));
    const absoluteTarget = resolve(target);
    await mkdir(dirname(absoluteTarget), { recursive: true });
    const partial = `${absoluteTarget}.part`;
    await create({ file: partial, cwd: staging, portable: true }, [
      'manifest.json',
      'database.dump',
      ...files.map((f) => f.path),
    ]);
    await rename(partial, absoluteTarget);
    return manifest;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
