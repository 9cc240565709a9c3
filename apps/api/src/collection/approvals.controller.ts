import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  ApprovalDecision,
  ApprovalSummary,
  DecideApproval,
  ListApprovals,
  Page,
  RequestApproval,
  RequestApprovalResult,
} from '@qingshou/collection';
import type { Principal } from '@qingshou/core';
import { CorrelationId, CurrentPrincipal, Permission } from '../auth/access.decorators';
import { actorMeta } from './actor-meta';
import { DecisionBody, ListApprovalsQuery, RequestApprovalBody } from './approvals.dto';

/** Visit plans, extensions, legal referrals, special procedures, waivers, write-offs. */
@ApiTags('approvals')
@ApiBearerAuth()
@Controller()
export class ApprovalsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('cases/:id/approvals')
  @Permission('approval.request')
  request(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RequestApprovalBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<RequestApprovalResult> {
    return this.commands.execute(
      new RequestApproval(actorMeta(principal, correlationId), { caseId: id, ...body }),
    );
  }

  @Post('approvals/:id/decision')
  @HttpCode(200)
  @Permission('approval.decide')
  decide(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: DecisionBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<{ status: ApprovalDecision }> {
    return this.commands.execute(
      new DecideApproval(actorMeta(principal, correlationId), id, body.decision, body.note),
    );
  }

  @Get('approvals')
  @Permission('case.read')
  list(
    @Query() query: ListApprovalsQuery,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<Page<ApprovalSummary>> {
    return this.queries.execute(
      new ListApprovals(
        actorMeta(principal, correlationId),
        query.status,
        query.cursor,
        query.limit,
      ),
    );
  }
}
