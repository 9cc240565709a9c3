import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { requirePermission, viewerOf } from '@qingshou/core';
import { ImportRegistrar } from '../register-import/import-registrar';
import type { RegisteredImport } from '../register-import/register-import.command';
import { ImportQueue } from './import-queue';
import { SubmitImport } from './submit-import.command';

@CommandHandler(SubmitImport)
export class SubmitImportHandler implements ICommandHandler<SubmitImport, RegisteredImport> {
  constructor(
    private readonly registrar: ImportRegistrar,
    private readonly queue: ImportQueue,
  ) {}

  async execute(command: SubmitImport): Promise<RegisteredImport> {
    requirePermission(viewerOf(command), 'import.start');
    const registered = await this.registrar.register(command, command.input, { dedupe: true });
    // A finished import is not run again; a queued one is (re-)added in case the first add
    // was lost between commit and enqueue; the job id keeps that from running it twice.
    const status = registered.import.status;
    if (status === 'queued' || status === 'running') {
      await this.queue.enqueue(
        {
          tenantId: command.tenantId,
          importId: registered.import.id,
          correlationId: command.correlationId,
        },
        registered.jobId,
      );
    }
    return registered;
  }
}
