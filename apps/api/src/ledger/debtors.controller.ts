import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { actorMetaOf, type Principal } from '@qingshou/core';
import {
  AddGroupMember,
  AddRelatedParty,
  DebtorView,
  GetDebtor,
  GroupMembership,
  RegisterDebtor,
  RegisteredDebtor,
} from '@qingshou/ledger';
import type { Response } from 'express';
import { CorrelationId, CurrentPrincipal, Permission } from '../auth/access.decorators';
import { DebtorQuery, IdParam } from './common.dto';
import {
  AddGroupMemberBody,
  AddRelatedPartyBody,
  CreatedIdResponse,
  RegisterDebtorBody,
} from './debtors.dto';
import { fromInput } from './input-source';

@ApiTags('ledger')
@ApiBearerAuth()
@Controller('debtors')
export class DebtorsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Permission('debtor.register')
  @ApiCreatedResponse({ type: CreatedIdResponse })
  register(
    @Body() body: RegisterDebtorBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<RegisteredDebtor> {
    const meta = actorMetaOf(principal, correlationId);
    return fromInput('body', this.commands.execute(new RegisterDebtor(meta, body)));
  }

  @Get(':id')
  @Permission('ledger.read')
  @ApiOkResponse({ description: '360° view: accounts with balances, related parties, groups' })
  get(
    @Param() params: IdParam,
    @Query() query: DebtorQuery,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<DebtorView> {
    const meta = actorMetaOf(principal, correlationId);
    const options = { reveal: query.reveal === 'true', asOf: query.asOf };
    return this.queries.execute(new GetDebtor(meta, params.id, options));
  }

  @Post(':id/related-parties')
  @Permission('related-party.add')
  @ApiCreatedResponse({ type: CreatedIdResponse })
  addRelatedParty(
    @Param() params: IdParam,
    @Body() body: AddRelatedPartyBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<{ id: string }> {
    const meta = actorMetaOf(principal, correlationId);
    return fromInput('body', this.commands.execute(new AddRelatedParty(meta, params.id, body)));
  }

  /** 201 when the debtor joins the group, 200 when it already was a member. */
  @Post(':id/groups')
  @Permission('debtor.register')
  async addToGroup(
    @Param() params: IdParam,
    @Body() body: AddGroupMemberBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<GroupMembership> {
    const meta = actorMetaOf(principal, correlationId);
    const result: GroupMembership = await fromInput(
      'body',
      this.commands.execute(new AddGroupMember(meta, params.id, body)),
    );
    response.status(result.added ? 201 : 200);
    return result;
  }
}
