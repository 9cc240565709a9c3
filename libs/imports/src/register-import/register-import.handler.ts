import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { requirePermission, viewerOf } from '@qingshou/core';
import { ImportRegistrar } from './import-registrar';
import { RegisteredImport, RegisterImport } from './register-import.command';

/** Always a new import: an operator re-running a file at the console means it. */
@CommandHandler(RegisterImport)
export class RegisterImportHandler implements ICommandHandler<RegisterImport, RegisteredImport> {
  constructor(private readonly registrar: ImportRegistrar) {}

  execute(command: RegisterImport): Promise<RegisteredImport> {
    requirePermission(viewerOf(command), 'import.start');
    return this.registrar.register(command, command.input, { dedupe: false });
  }
}
