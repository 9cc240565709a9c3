import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { actorMetaOf, type Principal } from '@qingshou/core';
import {
  AddContactPoint,
  CaseContactsView,
  GetCaseContacts,
  MarkDebtorReachable,
  MarkDebtorUnreachable,
  SetContactPointStatus,
} from '@qingshou/ledger';
import { CorrelationId, CurrentPrincipal, Permission } from '../auth/access.decorators';
import { IdParam } from './common.dto';
import {
  AddContactPointBody,
  CaseContactPointParams,
  CaseContactsQuery,
  SetContactPointStatusBody,
} from './contact-points.dto';
import { fromInput } from './input-source';

/**
 * The case's contact panel over HTTP (issue 11 §2), the same queries and commands as the
 * console's: GetCaseContacts decides what is shown whole.
 */
@ApiTags('ledger')
@ApiBearerAuth()
@Controller('cases')
export class CaseContactPointsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get(':id/contact-points')
  @Permission('ledger.read')
  @ApiOkResponse({ description: 'phones, addresses, related parties, groups and 失联 of the case' })
  list(
    @Param() params: IdParam,
    @Query() query: CaseContactsQuery,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<CaseContactsView> {
    const meta = actorMetaOf(principal, correlationId);
    return this.queries.execute(
      new GetCaseContacts(meta, params.id, { reveal: query.reveal === 'true' }),
    );
  }

  @Post(':id/contact-points')
  @Permission('contact-point.manage')
  add(
    @Param() params: IdParam,
    @Body() body: AddContactPointBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<{ id: string }> {
    const meta = actorMetaOf(principal, correlationId);
    return fromInput('body', this.commands.execute(new AddContactPoint(meta, params.id, body)));
  }

  @Post(':id/contact-points/:pointId/status')
  @HttpCode(200)
  @Permission('contact-point.manage')
  async setStatus(
    @Param() params: CaseContactPointParams,
    @Body() body: SetContactPointStatusBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<{ status: string }> {
    const meta = actorMetaOf(principal, correlationId);
    await fromInput(
      'body',
      this.commands.execute(
        new SetContactPointStatus(meta, params.id, params.pointId, body.status),
      ),
    );
    return { status: body.status };
  }

  /** 失联: `marked` is false when the debtor already was. */
  @Post(':id/unreachable')
  @HttpCode(200)
  @Permission('contact-point.manage')
  unreachable(
    @Param() params: IdParam,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<{ marked: boolean }> {
    const meta = actorMetaOf(principal, correlationId);
    return this.commands.execute(new MarkDebtorUnreachable(meta, params.id));
  }

  /** 恢复联系: clears 失联; `cleared` is false when the debtor was not marked. */
  @Post(':id/reachable')
  @HttpCode(200)
  @Permission('contact-point.manage')
  reachable(
    @Param() params: IdParam,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<{ cleared: boolean }> {
    const meta = actorMetaOf(principal, correlationId);
    return this.commands.execute(new MarkDebtorReachable(meta, params.id));
  }
}
