import { Module } from '@nestjs/common';
import { BackupsController } from './backups.controller';

/** /api/v1/backups. The handler lives in CollectionModule, which CollectionApiModule loads. */
@Module({ controllers: [BackupsController] })
export class BackupsApiModule {}
