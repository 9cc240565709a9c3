import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@qingshou/core';
import {
  DryRunPack,
  DryRunReport,
  EvaluateCases,
  EvaluationSummary,
  GetStageHistory,
  StageHistory,
} from '@qingshou/engine';
import { CorrelationId, CurrentPrincipal, Permission } from '../auth/access.decorators';
import { actorMeta } from '../collection/actor-meta';
import { DryRunBody, EvaluateBody } from './engine.dto';

/** The policy engine's edge: run the ladder, preview a pack against the portfolio, a case's moves. */
@ApiTags('policy engine')
@ApiBearerAuth()
@Controller()
export class EngineController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** The nightly run sends the same command; running a date twice creates nothing new. */
  @Post('engine/evaluate')
  @HttpCode(200)
  @Permission('engine.evaluate')
  evaluate(
    @Body() body: EvaluateBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<EvaluationSummary> {
    return this.commands.execute(
      new EvaluateCases(actorMeta(principal, correlationId), body.asOf, body.caseIds),
    );
  }

  /** A query with a body: 200, and it writes nothing. */
  @Post('packs/dry-run')
  @HttpCode(200)
  @Permission('pack.dry-run')
  dryRun(
    @Body() body: DryRunBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<DryRunReport> {
    return this.queries.execute(
      new DryRunPack(
        actorMeta(principal, correlationId),
        body.pack,
        body.version,
        body.params ?? {},
        body.asOf,
      ),
    );
  }

  @Get('cases/:id/stage-history')
  @Permission('case.read')
  stageHistory(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<StageHistory> {
    return this.queries.execute(new GetStageHistory(actorMeta(principal, correlationId), id));
  }
}
