import { Injectable } from '@nestjs/common';
import { AppConfig } from '@qingshou/core';
import { rm } from 'node:fs/promises';
import { resolve, sep } from 'node:path';

/**
 * PORT: removes attachment bytes (recordings, scans) when retention purges their rows.
 * collection's FileStorage has only put/get; an object store implements this beside it.
 */
export abstract class StoredFileEraser {
  abstract erase(keys: readonly string[]): Promise<number>;
}

/** Files under AppConfig.STORAGE_DIR, keys checked the way LocalDiskFileStorage checks them. */
@Injectable()
export class LocalDiskFileEraser extends StoredFileEraser {
  private readonly root: string;

  constructor(config: AppConfig) {
    super();
    this.root = resolve(config.STORAGE_DIR);
  }

  async erase(keys: readonly string[]): Promise<number> {
    let erased = 0;
    for (const key of keys) {
      const path = resolve(this.root, key);
      if (!/^[A-Za-z0-9/_.-]+$/.test(key) || !path.startsWith(this.root + sep)) continue;
      // force: a file already gone (an earlier, interrupted run) is not an error.
      await rm(path, { force: true });
      erased += 1;
    }
    return erased;
  }
}
