import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CalendarModule } from '@qingshou/calendar';
import { LedgerModule } from '@qingshou/ledger';
import { GetImportHandler } from './get-import/get-import.handler';
import { WriteImportErrorsHandler } from './get-import-errors/write-import-errors.handler';
import { ImportPipeline } from './pipeline/import-pipeline';
import { ImportRegistrar } from './register-import/import-registrar';
import { RegisterImportHandler } from './register-import/register-import.handler';
import { RunImportHandler } from './run-import/run-import.handler';
import { ImportStorageModule } from './storage/import-storage.module';
import { BullImportQueue, ImportQueue } from './submit-import/import-queue';
import { SubmitImportHandler } from './submit-import/submit-import.handler';

/**
 * Bulk imports (issue 3): register, run, read. The worker and the CLI import this module as
 * is; the API imports `ImportsModule.withQueue()`, which adds SubmitImport and the BullMQ
 * producer (the CLI has no queues to inject).
 */
@Module({
  // LedgerModule: LedgerTerms, the pack's terms new accounts are stored with.
  imports: [CqrsModule, CalendarModule, ImportStorageModule, LedgerModule],
  providers: [
    ImportPipeline,
    ImportRegistrar,
    RegisterImportHandler,
    RunImportHandler,
    GetImportHandler,
    WriteImportErrorsHandler,
  ],
  exports: [ImportStorageModule],
})
export class ImportsModule {
  static withQueue(): DynamicModule {
    return {
      module: ImportsModule,
      providers: [SubmitImportHandler, { provide: ImportQueue, useClass: BullImportQueue }],
    };
  }
}
