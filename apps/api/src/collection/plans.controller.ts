import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AgreePlan, ProposePlan, type ProposePlanResult } from '@qingshou/collection';
import type { Principal } from '@qingshou/core';
import { CorrelationId, CurrentPrincipal, Permission } from '../auth/access.decorators';
import { actorMeta } from './actor-meta';
import { ProposePlanBody } from './plans.dto';

/** 还款计划: proposed on a case, agreed once signed (and approved above the pack's threshold). */
@ApiTags('cases')
@ApiBearerAuth()
@Controller()
export class PlansController {
  constructor(private readonly commands: CommandBus) {}

  @Post('cases/:id/plans')
  @Permission('promise.record')
  propose(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ProposePlanBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<ProposePlanResult> {
    return this.commands.execute(
      new ProposePlan(actorMeta(principal, correlationId), { caseId: id, ...body }),
    );
  }

  @Post('plans/:id/agree')
  @HttpCode(200)
  @Permission('promise.record')
  agree(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<{ id: string }> {
    return this.commands.execute(new AgreePlan(actorMeta(principal, correlationId), id));
  }
}
