import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { actorMetaOf, type Principal } from '@qingshou/core';
import {
  CompleteDriveItem,
  CompletedDriveItem,
  DecidePublication,
  DriveItemView,
  DriveProgress,
  GetDriveProgress,
  LaunchDrive,
  LaunchedDrive,
  ListDriveItems,
  ListDrivePublications,
  PublicationView,
  PublishDriveProgress,
} from '@qingshou/outcomes';
import { CorrelationId, CurrentPrincipal, Permission } from '../auth/access.decorators';
import {
  AsOfQuery,
  CompleteItemBody,
  DecisionBody,
  LaunchDriveBody,
  PublishBody,
} from './outcomes.dto';

const meta = (principal: Principal, correlationId: string) => actorMetaOf(principal, correlationId);

/** Drives (集中清收): launch, progress per phase and group, items, publications. */
@ApiTags('drives')
@ApiBearerAuth()
@Controller('drives')
export class DrivesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Permission('drive.launch')
  launch(
    @Body() body: LaunchDriveBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<LaunchedDrive> {
    return this.commands.execute(
      new LaunchDrive(meta(principal, correlationId), body.drive, body.launchDate),
    );
  }

  @Get(':id/progress')
  @Permission('drive.progress.read')
  progress(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: AsOfQuery,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<DriveProgress> {
    return this.queries.execute(
      new GetDriveProgress(meta(principal, correlationId), id, query.asOf),
    );
  }

  @Get(':id/items')
  @Permission('drive.items.read')
  items(
    @Param('id', ParseUUIDPipe) id: string,
    @Query('phase') phase: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<DriveItemView[]> {
    return this.queries.execute(new ListDriveItems(meta(principal, correlationId), id, phase));
  }

  @Post(':id/items/:itemId/complete')
  @HttpCode(200)
  @Permission('drive.item.complete')
  complete(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('itemId', ParseUUIDPipe) itemId: string,
    @Body() body: CompleteItemBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<CompletedDriveItem> {
    const done = body.done === undefined ? undefined : Number(body.done);
    return this.commands.execute(
      new CompleteDriveItem(
        meta(principal, correlationId),
        id,
        itemId,
        done,
        body.note,
        body.result,
      ),
    );
  }

  /** 定期公布清收进度: a stored report; a public list waits for its approval. */
  @Post(':id/publications')
  @Permission('drive.publish')
  publish(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: PublishBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<PublicationView> {
    return this.commands.execute(
      new PublishDriveProgress(meta(principal, correlationId), id, body.publication, body.asOf),
    );
  }

  @Get(':id/publications')
  @Permission('drive.publications.read')
  publications(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<PublicationView[]> {
    return this.queries.execute(new ListDrivePublications(meta(principal, correlationId), id));
  }

  @Post(':id/publications/:publicationId/decision')
  @HttpCode(200)
  @Permission('drive.publication.decide')
  decide(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('publicationId', ParseUUIDPipe) publicationId: string,
    @Body() body: DecisionBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<PublicationView> {
    return this.commands.execute(
      new DecidePublication(
        meta(principal, correlationId),
        id,
        publicationId,
        body.decision,
        body.note,
      ),
    );
  }
}
