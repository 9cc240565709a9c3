import { CommandMeta, TenantCommand } from '@qingshou/core';
import type { ImportFileInput } from '../register-import/register-import.command';

/**
 * POST /imports: store the upload, record the import (or find the same submit) and queue
 * the job. Returns at once; the worker does the rows.
 */
export class SubmitImport extends TenantCommand {
  constructor(
    meta: CommandMeta,
    readonly input: ImportFileInput,
  ) {
    super(meta);
  }
}
