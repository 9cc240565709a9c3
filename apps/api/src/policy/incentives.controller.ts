import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { actorMetaOf, type Principal } from '@qingshou/core';
import {
  EvaluatedFlags,
  EvaluateFlags,
  GetIncentiveEffects,
  GetRatings,
  GetSanctions,
  IncentiveEffectsView,
  RatingsView,
  RecomputedRatings,
  RecomputeRatings,
  RecordAttribute,
  RecordedAttribute,
  SanctionsReport,
} from '@qingshou/outcomes';
import { CorrelationId, CurrentPrincipal, Permission } from '../auth/access.decorators';
import { AsOfBody, AsOfQuery, AttributeBody, RatingsQuery } from './outcomes.dto';

/** The caller as the handlers decide access: who, with which roles. */
const meta = (principal: Principal, correlationId: string) => actorMetaOf(principal, correlationId);

/** Incentive effects per account, group ratings, flags and the sanctions report. */
@ApiTags('incentives')
@ApiBearerAuth()
@Controller()
export class IncentivesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** What each incentive does for the account (status, waived amounts) — what notices print. */
  @Get('accounts/:id/incentives')
  @Permission('incentive.read')
  incentives(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: AsOfQuery,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<IncentiveEffectsView> {
    return this.queries.execute(
      new GetIncentiveEffects(meta(principal, correlationId), id, query.asOf),
    );
  }

  @Get('ratings')
  @Permission('kpi.read')
  ratings(
    @Query() query: RatingsQuery,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<RatingsView> {
    return this.queries.execute(
      new GetRatings(meta(principal, correlationId), query.asOf, query.groupType),
    );
  }

  @Post('ratings/recompute')
  @HttpCode(200)
  @Permission('rating.recompute')
  recompute(
    @Body() body: AsOfBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<RecomputedRatings> {
    return this.commands.execute(new RecomputeRatings(meta(principal, correlationId), body.asOf));
  }

  /** 惩戒名单: who carries which sanction (or `?flag=`, `?kind=`, `?report=`). */
  @Get('sanctions')
  @Permission('sanction.read')
  sanctions(
    @Query('flag') flag: string | undefined,
    @Query('kind') kind: string | undefined,
    @Query('report') report: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<SanctionsReport> {
    return this.queries.execute(
      new GetSanctions(meta(principal, correlationId), { flag, kind, report }),
    );
  }

  @Post('flags/evaluation')
  @HttpCode(200)
  @Permission('flag.evaluate')
  evaluateFlags(
    @Body() body: AsOfBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<EvaluatedFlags> {
    return this.commands.execute(new EvaluateFlags(meta(principal, correlationId), body.asOf));
  }

  /** Records a pack attribute: PUT /attributes/debtor/{id}/official-post {value: "村主任"}. */
  @Put('attributes/:subject/:subjectId/:key')
  @Permission('attribute.set')
  attribute(
    @Param('subject') subject: string,
    @Param('subjectId', ParseUUIDPipe) subjectId: string,
    @Param('key') key: string,
    @Body() body: AttributeBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<RecordedAttribute> {
    return this.commands.execute(
      new RecordAttribute(meta(principal, correlationId), subject, subjectId, key, body.value),
    );
  }
}
