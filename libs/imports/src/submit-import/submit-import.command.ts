import { ActorCommand, ActorMeta } from '@qingshou/core';
import type { ImportFileInput } from '../register-import/register-import.command';

/**
 * POST /imports: store the upload, record the import (or find the same submit) and queue
 * the job. Returns at once; the worker does the rows.
 */
export class SubmitImport extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly input: ImportFileInput,
  ) {
    super(meta);
  }
}
