import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { AppConfig, ValidationFailedError } from '@qingshou/core';
import { ImportFiles } from '@qingshou/imports';
import type { Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { Observable } from 'rxjs';

/** The same ceiling as POST /api/v1/imports: office exports run to hundreds of MB. */
const MAX_IMPORT_BYTES = 1024 * 1024 * 1024;

/**
 * The console's import upload: like the API's, the file streams to disk in the imports'
 * incoming directory (never into memory); SubmitImport then hashes and moves it. The CSRF
 * token comes in htmx's header, since the guard runs before the multipart body is read.
 */
@Injectable()
export class ImportUploadInterceptor implements NestInterceptor {
  private readonly upload: RequestHandler;

  constructor(config: AppConfig) {
    const files = new ImportFiles(config);
    this.upload = multer({
      storage: multer.diskStorage({
        destination: (_req, _file, done) => {
          mkdir(files.incomingDir, { recursive: true }).then(
            () => done(null, files.incomingDir),
            (error: Error) => done(error, files.incomingDir),
          );
        },
        filename: (_req, _file, done) => done(null, `${randomUUID()}.upload`),
      }),
      limits: { fileSize: MAX_IMPORT_BYTES, files: 1 },
    }).single('file');
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    await new Promise<void>((resolve, reject) =>
      this.upload(http.getRequest<Request>(), http.getResponse<Response>(), (error: unknown) => {
        if (!error) return resolve();
        if (error instanceof multer.MulterError) {
          return reject(
            new ValidationFailedError('The upload was refused', [
              { path: 'file', reason: error.message },
            ]),
          );
        }
        reject(error instanceof Error ? error : new Error(String(error)));
      }),
    );
    return next.handle();
  }
}
