import { Injectable } from '@nestjs/common';
import { AppConfig, ValidationFailedError } from '@qingshou/core';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, extname, resolve, sep } from 'node:path';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface StoredImportFile {
  readonly key: string;
  readonly sha256: string;
  readonly size: number;
  readonly format: 'csv' | 'xlsx';
}

const FORMATS: Readonly<Record<string, 'csv' | 'xlsx'>> = {
  '.csv': 'csv',
  '.tsv': 'csv',
  '.txt': 'csv',
  '.xlsx': 'xlsx',
  '.xlsm': 'xlsx',
};

/**
 * Import files under AppConfig.STORAGE_DIR, keyed by tenant and content hash. The job reads
 * the stored copy, never the upload's temp file or the operator's path, so a retry finds the
 * same bytes. Written to a temp name and renamed: a crash leaves no half file under the key.
 */
@Injectable()
export class ImportFiles {
  readonly root: string;

  constructor(config: AppConfig) {
    this.root = resolve(config.STORAGE_DIR);
  }

  /** Where uploads land before they are hashed (same file system, so a rename moves them). */
  get incomingDir(): string {
    return resolve(this.root, 'incoming');
  }

  static formatOf(fileName: string): 'csv' | 'xlsx' {
    const ext = extname(fileName).toLowerCase();
    const format = FORMATS[ext];
    if (format) return format;
    throw new ValidationFailedError('Unsupported import file', [
      {
        path: 'file',
        reason: `"${ext || fileName}" is not .csv, .tsv, .txt or .xlsx (save legacy .xls as .xlsx or CSV)`,
      },
    ]);
  }

  /**
   * Copies (or, for an upload temp file, moves) `path` into storage while hashing it in one
   * pass. The same bytes map to the same key, so a second submit stores nothing new.
   */
  async store(
    tenantId: string,
    path: string,
    fileName: string,
    move: boolean,
  ): Promise<StoredImportFile> {
    const format = ImportFiles.formatOf(fileName);
    const ext = extname(fileName).toLowerCase();
    const dir = resolve(this.root, 'imports', tenantId);
    await mkdir(dir, { recursive: true });
    const temp = resolve(dir, `${randomUUID()}.part`);
    const hash = createHash('sha256');
    let size = 0;
    const count = (chunk: Buffer) => {
      hash.update(chunk);
      size += chunk.length;
    };
    try {
      if (move) {
        const sink = new Writable({
          write(chunk: Buffer, _encoding, done) {
            count(chunk);
            done();
          },
        });
        await pipeline(createReadStream(path), sink);
      } else {
        const tap = new Transform({
          transform(chunk: Buffer, _encoding, done) {
            count(chunk);
            done(null, chunk);
          },
        });
        await pipeline(createReadStream(path), tap, createWriteStream(temp, { mode: 0o640 }));
      }
      const sha256 = hash.digest('hex');
      const key = `imports/${tenantId}/${sha256}${ext}`;
      const target = this.pathOf(key);
      const exists = await stat(target).then(
        () => true,
        () => false,
      );
      if (exists) {
        if (move) await rm(path, { force: true });
      } else {
        await rename(move ? path : temp, target);
      }
      return { key, sha256, size, format };
    } finally {
      await rm(temp, { force: true });
    }
  }

  pathOf(key: string): string {
    const path = resolve(this.root, key);
    if (!/^[A-Za-z0-9/_.-]+$/.test(key) || !path.startsWith(this.root + sep)) {
      throw new Error(`storage key ${JSON.stringify(key)} escapes the storage root`);
    }
    return path;
  }

  /** Writes a generated file (the error report) under `key`, atomically. */
  async write(key: string, produce: (out: Writable) => Promise<void>): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const temp = `${path}.${randomUUID()}.part`;
    try {
      const out = createWriteStream(temp, { mode: 0o640 });
      await produce(out);
      await rename(temp, path);
    } finally {
      await rm(temp, { force: true });
    }
  }
}
