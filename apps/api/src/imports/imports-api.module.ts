import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { ImportFiles, ImportsModule, ImportStorageModule } from '@qingshou/imports';
import { diskStorage } from 'multer';
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { ImportsController } from './imports.controller';

/** Office exports run to hundreds of MB; beyond this a 413 says so. */
const MAX_IMPORT_BYTES = 1024 * 1024 * 1024;

/**
 * /api/v1/imports. Uploads stream to disk under STORAGE_DIR (never into memory), then the
 * SubmitImport command hashes and moves them into storage and queues the job.
 */
@Module({
  imports: [
    ImportsModule.withQueue(),
    MulterModule.registerAsync({
      imports: [ImportStorageModule],
      inject: [ImportFiles],
      useFactory: (files: ImportFiles) => ({
        storage: diskStorage({
          destination: (_req, _file, done) => {
            mkdir(files.incomingDir, { recursive: true }).then(
              () => done(null, files.incomingDir),
              (error: Error) => done(error, files.incomingDir),
            );
          },
          filename: (_req, _file, done) => done(null, `${randomUUID()}.upload`),
        }),
        limits: { fileSize: MAX_IMPORT_BYTES, files: 1 },
      }),
    }),
  ],
  controllers: [ImportsController],
})
export class ImportsApiModule {}
