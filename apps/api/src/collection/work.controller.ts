import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  AddTeamMember,
  CompleteTask,
  CreateTeam,
  EvaluatePromises,
  EvaluatePromisesResult,
  GetWorklist,
  WorklistPage,
} from '@qingshou/collection';
import type { Principal } from '@qingshou/core';
import { CorrelationId, CurrentPrincipal, Permission } from '../auth/access.decorators';
import { CompleteTaskBody } from './activity.dto';
import { actorMeta } from './actor-meta';
import { EvaluatePromisesBody } from './approvals.dto';
import { PageQuery } from './common.dto';
import { CreateTeamBody, TeamMemberBody } from './teams.dto';

/** The collector's day (worklist, tasks) and the supervisor's setup (teams, promise runs). */
@ApiTags('worklist')
@ApiBearerAuth()
@Controller()
export class WorkController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('worklist')
  @Permission('case.read')
  worklist(
    @Query() query: PageQuery,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<WorklistPage> {
    return this.queries.execute(
      new GetWorklist(actorMeta(principal, correlationId), query.cursor, query.limit),
    );
  }

  @Post('tasks/:id/complete')
  @HttpCode(200)
  @Permission('task.manage')
  completeTask(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CompleteTaskBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<{ status: string }> {
    return this.commands.execute(
      new CompleteTask(actorMeta(principal, correlationId), id, body.status, body.note, {
        result: body.result,
        contactId: body.contactId,
        noticeId: body.noticeId,
        approvalId: body.approvalId,
        attachmentId: body.attachmentId,
        address: body.address,
      }),
    );
  }

  /** The daily run does this per tenant; a manager may run it by hand (idempotent). */
  @Post('promises/evaluation')
  @HttpCode(200)
  @Permission('promise.evaluate')
  evaluatePromises(
    @Body() body: EvaluatePromisesBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<EvaluatePromisesResult> {
    return this.commands.execute(
      new EvaluatePromises(actorMeta(principal, correlationId), body.asOf),
    );
  }

  @Post('teams')
  @Permission('team.manage')
  createTeam(
    @Body() body: CreateTeamBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<{ id: string }> {
    return this.commands.execute(
      new CreateTeam(actorMeta(principal, correlationId), body.name, body.members ?? []),
    );
  }

  @Post('teams/:id/members')
  @Permission('team.manage')
  addTeamMember(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: TeamMemberBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<{ teamId: string; userId: string }> {
    return this.commands.execute(
      new AddTeamMember(actorMeta(principal, correlationId), id, body.userId, body.role),
    );
  }
}
