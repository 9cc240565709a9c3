import { ActorCommand, ActorMeta } from '@qingshou/core';
import type { ImportKind } from '../domain/import-vocabulary';
import type { ImportView } from '../support/import-rows';

export interface ImportFileInput {
  readonly kind: ImportKind;
  /** A registered mapping name, a mapping object (or its JSON), or none for the kind's default. */
  readonly mapping?: string | object;
  /** Forces the CSV decoder; detected from the bytes when absent. */
  readonly encoding?: string;
  /** The file on disk and the name the user gave it (its extension decides CSV or XLSX). */
  readonly filePath: string;
  readonly fileName: string;
  /** An upload's temp file is moved into storage; an operator's file is copied. */
  readonly moveFile?: boolean;
}

/**
 * Stores the file under STORAGE_DIR and records a queued import, without running it: the CLI
 * runs it in-process next, the API hands it to the imports queue (SubmitImport).
 */
export class RegisterImport extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly input: ImportFileInput,
  ) {
    super(meta);
  }
}

export interface RegisteredImport {
  readonly import: ImportView;
  /** false when the same bytes, kind, mapping, format and encoding were already submitted. */
  readonly created: boolean;
  /** BullMQ job id: tenant, kind, file hash and a digest of mapping, format and encoding. */
  readonly jobId: string;
}
