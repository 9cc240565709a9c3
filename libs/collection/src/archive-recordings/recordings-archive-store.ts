import { AppConfig } from '@qingshou/core';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { RecordingsArchiveRun } from './archive-recordings.command';

export interface ArchivedRecording {
  readonly id: string;
  readonly uploadedAt: string;
}

interface StoredState {
  readonly run: RecordingsArchiveRun;
  readonly recent: ArchivedRecording[];
}

/**
 * Each tenant's archives and its last run live in RECORDINGS_ARCHIVE_DIR/<tenant id>/. The run
 * record sits beside the archives it describes, so a copied folder carries its own state.
 */
export class RecordingsArchiveStore {
  constructor(private readonly config: AppConfig) {}

  folder(tenantId: string): string {
    return join(resolve(this.config.RECORDINGS_ARCHIVE_DIR), tenantId);
  }

  async lastRun(tenantId: string): Promise<RecordingsArchiveRun | null> {
    return (await this.read(tenantId))?.run ?? null;
  }

  /** Recordings already archived that were uploaded in the look-back window (see the handler). */
  async recent(tenantId: string): Promise<ArchivedRecording[]> {
    return (await this.read(tenantId))?.recent ?? [];
  }

  async saveRun(
    tenantId: string,
    run: RecordingsArchiveRun,
    recent: ArchivedRecording[],
  ): Promise<void> {
    await mkdir(this.folder(tenantId), { recursive: true });
    const file = this.runFile(tenantId);
    await writeFile(`${file}.part`, JSON.stringify({ run, recent }, null, 2));
    await rename(`${file}.part`, file);
  }

  private async read(tenantId: string): Promise<StoredState | null> {
    try {
      return JSON.parse(await readFile(this.runFile(tenantId), 'utf8')) as StoredState;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  private runFile(tenantId: string): string {
    return join(this.folder(tenantId), 'last-run.json');
  }
}
