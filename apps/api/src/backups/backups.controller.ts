import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { GetLastRecordingsArchive, RecordingsArchiveRun } from '@qingshou/collection';
import type { Principal } from '@qingshou/core';
import { CorrelationId, CurrentPrincipal, Permission } from '../auth/access.decorators';
import { actorMeta } from '../collection/actor-meta';

/** 篇八: the daily recordings archive; whether it ran, and what it took. */
@ApiTags('backups')
@ApiBearerAuth()
@Controller('backups')
export class BackupsController {
  constructor(private readonly queries: QueryBus) {}

  /** The last run of the recordings job; `{ lastRun: null }` before the first. */
  @Get('recordings/last')
  @Permission('backup.read')
  async lastRecordingsArchive(
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<{ lastRun: RecordingsArchiveRun | null }> {
    const lastRun: RecordingsArchiveRun | null = await this.queries.execute(
      new GetLastRecordingsArchive(actorMeta(principal, correlationId)),
    );
    return { lastRun };
  }
}
