import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { actorMetaOf, type Principal } from '@qingshou/core';
import {
  AccountBalanceView,
  GetAccountBalance,
  GetLedger,
  LedgerView,
  RegisterAccount,
  RegisteredAccount,
} from '@qingshou/ledger';
import { CorrelationId, CurrentPrincipal, Permission } from '../auth/access.decorators';
import { BalanceResponse, RegisterAccountBody, RegisteredAccountResponse } from './accounts.dto';
import { AsOfQuery, IdParam } from './common.dto';
import { fromInput } from './input-source';

@ApiTags('ledger')
@ApiBearerAuth()
@Controller('accounts')
export class AccountsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Permission('account.register')
  @ApiCreatedResponse({ type: RegisteredAccountResponse })
  register(
    @Body() body: RegisterAccountBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<RegisteredAccount> {
    const meta = actorMetaOf(principal, correlationId);
    const account = { ...body, schedule: body.schedule.toInput() };
    return fromInput('body', this.commands.execute(new RegisterAccount(meta, account)));
  }

  @Get(':id/balance')
  @Permission('ledger.read')
  @ApiOkResponse({ type: BalanceResponse })
  balance(
    @Param() params: IdParam,
    @Query() query: AsOfQuery,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<AccountBalanceView> {
    const meta = actorMetaOf(principal, correlationId);
    return fromInput(
      'query',
      this.queries.execute(new GetAccountBalance(meta, params.id, query.asOf)),
    );
  }

  @Get(':id/ledger')
  @Permission('ledger.read')
  @ApiOkResponse({
    description: '台账: installments with what was paid and what is owed, payments, allocations',
  })
  ledger(
    @Param() params: IdParam,
    @Query() query: AsOfQuery,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<LedgerView> {
    const meta = actorMetaOf(principal, correlationId);
    return fromInput('query', this.queries.execute(new GetLedger(meta, params.id, query.asOf)));
  }
}
