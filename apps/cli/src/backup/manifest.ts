import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export const BACKUP_FORMAT = 'qingshou-backup/1';

/** One archived file: its path inside the archive, its size and what proves its bytes. */
export interface ManifestEntry {
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
}

export interface BackupManifest {
  readonly format: typeof BACKUP_FORMAT;
  readonly createdAt: string;
  /** The database the dump was taken from (pg_dump custom format, as the owner). */
  readonly database: string;
  readonly dump: ManifestEntry;
  /** Stored files: attachments and imports (files/storage/…), notice files (files/outbox/…). */
  readonly files: ManifestEntry[];
}

export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('error', reject)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')));
  });
}

export async function describeFile(absolute: string, archivePath: string): Promise<ManifestEntry> {
  const { size } = await stat(absolute);
  return { path: archivePath, size, sha256: await sha256File(absolute) };
}

/**
 * Every regular file under `root`, relative and with forward slashes, sorted. Half-written
 * files (`*.part`, see LocalDiskFileStorage) are not part of the store yet.
 */
export async function listStoredFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    },
  );
  return entries
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.part'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** Archive paths must stay inside the archive's own folders (no `..`, no absolute path). */
export function isSafeArchivePath(path: string): boolean {
  return (
    /^(database\.dump|files\/(storage|outbox)\/[A-Za-z0-9/_.@+\-\u4e00-\u9fff]+)$/.test(path) &&
    !path.split('/').includes('..')
  );
}
