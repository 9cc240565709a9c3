import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { actorMetaOf, type Principal } from '@qingshou/core';
import { GetRun, ListRuns, RequestedRun, RequestRun, RunView } from '@qingshou/operations';
import type { Response } from 'express';
import { CorrelationId, CurrentPrincipal, Permission } from '../auth/access.decorators';
import { ListRunsParams, RequestRunBody } from './runs.dto';

const meta = (principal: Principal, correlationId: string) => actorMetaOf(principal, correlationId);

/** The daily run by hand: today's, or a backfill of a past date; then poll its progress. */
@ApiTags('runs')
@ApiBearerAuth()
@Controller('runs')
export class RunsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** 202 with the run; a second request for the same date returns the same run (`created: false`). */
  @Post('escalation')
  @HttpCode(202)
  @Permission('run.start')
  async escalation(
    @Body() body: RequestRunBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RunView & { created: boolean }> {
    const requested: RequestedRun = await this.commands.execute(
      new RequestRun(meta(principal, correlationId), 'escalation', body.asOf, true),
    );
    response.setHeader('Location', `/api/v1/runs/${requested.run.id}`);
    return { ...requested.run, created: requested.created };
  }

  @Get(':id')
  @Permission('run.read')
  get(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<RunView> {
    return this.queries.execute(new GetRun(meta(principal, correlationId), id));
  }

  @Get()
  @Permission('run.read')
  list(
    @Query() params: ListRunsParams,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<RunView[]> {
    return this.queries.execute(
      new ListRuns(meta(principal, correlationId), params.asOf, params.limit ?? 50),
    );
  }
}
