import { Module } from '@nestjs/common';
import { ImportFiles } from './import-files';

/** ImportFiles for the lib's handlers and for the API's upload directory. */
@Module({ providers: [ImportFiles], exports: [ImportFiles] })
export class ImportStorageModule {}
