import { ActorCommand, ActorMeta } from '@qingshou/core';
import type { ImportProgress } from '../pipeline/import-pipeline';
import type { Timings } from '../support/timings';

export interface RunImportOptions {
  /** Rows per transaction; default 50,000. */
  readonly chunkSize?: number;
  /** Progress after each committed chunk and every few thousand rows read. */
  readonly onProgress?: (progress: ImportProgress) => void | Promise<void>;
  /** Filled with milliseconds per phase and merge statement (benchmark breakdown). */
  readonly timings?: Timings;
  /** The job's last attempt: an infrastructure error then marks the import failed. */
  readonly finalAttempt?: boolean;
}

/**
 * Runs a registered import: the worker's imports job, or the CLI in-process. Idempotent: a
 * finished import is returned as it is, an interrupted one resumes after its last chunk.
 */
export class RunImport extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly importId: string,
    readonly options: RunImportOptions = {},
  ) {
    super(meta);
  }
}
