import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  AssignCase,
  AssignCaseResult,
  BlacklistDebtor,
  CaseDetail,
  CasePoolPage,
  CaseStatus,
  CaseSummary,
  CloseCase,
  CloseCaseResult,
  GetCase,
  ListDebtorCases,
  OpenCase,
  Page,
  PauseCase,
  ResumeCase,
  SearchCases,
} from '@qingshou/collection';
import type { Principal } from '@qingshou/core';
import { CorrelationId, CurrentPrincipal, Permission } from '../auth/access.decorators';
import { actorMeta } from './actor-meta';
import {
  AssignCaseBody,
  BlacklistBody,
  CloseCaseBody,
  NotesBody,
  OpenCaseBody,
  PauseCaseBody,
  SearchCasesQuery,
} from './cases.dto';
import { PageQuery } from './common.dto';

/** Cases: search, detail, open, assign, pause, resume, close, blacklist. Controllers only dispatch. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller()
export class CasesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('cases')
  @Permission('case.read')
  search(
    @Query() query: SearchCasesQuery,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<CasePoolPage> {
    const { cursor, limit, sort, direction, ...filters } = query;
    return this.queries.execute(
      new SearchCases(actorMeta(principal, correlationId), filters, cursor, limit, {
        sort,
        direction,
      }),
    );
  }

  @Get('cases/:id')
  @Permission('case.read')
  get(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<CaseDetail> {
    return this.queries.execute(new GetCase(actorMeta(principal, correlationId), id));
  }

  @Get('debtors/:id/cases')
  @Permission('case.read')
  debtorCases(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PageQuery,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<Page<CaseSummary>> {
    return this.queries.execute(
      new ListDebtorCases(actorMeta(principal, correlationId), id, query.cursor, query.limit),
    );
  }

  @Post('cases')
  @Permission('case.open')
  open(
    @Body() body: OpenCaseBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<{ id: string }> {
    return this.commands.execute(new OpenCase(actorMeta(principal, correlationId), body));
  }

  @Post('cases/:id/assign')
  @HttpCode(200)
  @Permission('case.assign')
  assign(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AssignCaseBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<AssignCaseResult> {
    return this.commands.execute(
      new AssignCase(actorMeta(principal, correlationId), { caseId: id, ...body }),
    );
  }

  @Post('cases/:id/pause')
  @HttpCode(200)
  @Permission('case.pause')
  pause(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: PauseCaseBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<{ id: string }> {
    return this.commands.execute(
      new PauseCase(actorMeta(principal, correlationId), { caseId: id, ...body }),
    );
  }

  @Post('cases/:id/resume')
  @HttpCode(200)
  @Permission('case.pause')
  resume(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: NotesBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<{ status: CaseStatus }> {
    return this.commands.execute(
      new ResumeCase(actorMeta(principal, correlationId), id, body.notes),
    );
  }

  @Post('cases/:id/close')
  @HttpCode(200)
  @Permission('case.close')
  close(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CloseCaseBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<CloseCaseResult> {
    return this.commands.execute(
      new CloseCase(actorMeta(principal, correlationId), id, body.outcome, body.reason),
    );
  }

  @Post('cases/:id/blacklist')
  @Permission('debtor.blacklist')
  blacklist(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: BlacklistBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<{ debtorId: string; since: string }> {
    return this.commands.execute(
      new BlacklistDebtor(actorMeta(principal, correlationId), id, body.reason),
    );
  }
}
